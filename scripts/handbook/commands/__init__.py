"""The commands behind `handbook VERB NOUN` (see handbook/cli.py); each module has a main(argv)."""
