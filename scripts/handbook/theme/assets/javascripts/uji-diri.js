/* The handbook engine: the self-check questions ("Uji diri"), no third-party code.
 *
 * handbook/plugin/hooks/content_blocks.py renders each ```uji-diri block as a <fieldset class="uji-soal">
 * of radio buttons, a <details> with the feedback for every option (<li data-pilihan="a"
 * data-benar="true|false">), and an empty live region <p class="uji-hasil" aria-live="polite">.
 * Choosing an option copies that option's feedback into the live region, says whether it is the
 * best answer, and marks the chosen option. Nothing is stored (no localStorage, sessionStorage or
 * cookies) and nothing is sent. Without JavaScript the <details> still holds all the feedback.
 * One listener on the document: it works however the page was loaded (instant navigation is off),
 * from file:// too.
 */
(function () {
  "use strict";

  // The only words this script writes, in the page's language (interface text, main.html's
  // #pedoman-teks); the feedback itself comes from the page.
  var source = document.getElementById("pedoman-teks");
  var text = source ? JSON.parse(source.textContent) : { chosen: "", not_best: "" };

  function choose(input) {
    var question = input.closest(".uji-soal");
    if (!question) { return; }
    var feedback = question.querySelector('.uji-umpan-balik li[data-pilihan="' + input.value + '"]');
    var result = question.querySelector(".uji-hasil");
    if (!feedback || !result) { return; }
    var best = feedback.getAttribute("data-benar") === "true";

    Array.prototype.forEach.call(question.querySelectorAll(".uji-pilihan label"), function (label) {
      label.classList.remove("uji-dipilih");
    });
    var label = input.closest("label");
    if (label) { label.classList.add("uji-dipilih"); }
    question.setAttribute("data-hasil", best ? "terbaik" : "bukan");

    var answer = document.createElement("span");
    answer.className = "uji-hasil-pilihan";
    answer.textContent = text.chosen + input.value + ". ";
    var parts = [answer];
    if (!best) {
      var verdict = document.createElement("strong");
      verdict.textContent = text.not_best;
      parts.push(verdict, document.createTextNode(" "));
    }
    // The feedback is the page's own escaped markup: copy its nodes, never parse strings.
    Array.prototype.forEach.call(feedback.childNodes, function (node) { parts.push(node.cloneNode(true)); });
    result.textContent = "";
    parts.forEach(function (node) { result.appendChild(node); });
  }

  function isOption(target) {
    return target && target.matches && target.matches('.uji-diri input[type="radio"]');
  }

  document.addEventListener("change", function (event) {
    if (isOption(event.target)) { choose(event.target); }
  });

  // A browser that restores form state on "back" checks a radio without a change event.
  function restore() {
    Array.prototype.forEach.call(document.querySelectorAll('.uji-diri input[type="radio"]:checked'), choose);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restore);
  } else {
    restore();
  }
  window.addEventListener("pageshow", restore);
})();
