// Review mode: the queue of claims that most need eyes, one at a time, with the report
// text and the evidence highlighted. Keys: c confirm, r reject, e edit the count, n next;
// v opens and closes the mode. Uses the helpers of app.js ($, el, api, highlighted, …).
"use strict";

const TOKEN_KEY = "skyledger-review-token";

const review = {
  open: false,
  current: null,
  skipped: new Set(),
};

function reviewToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function sendReview(claim, body) {
  const response = await fetch(`/api/claims/${encodeURIComponent(claim.id)}/reviews`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      Authorization: `Bearer ${reviewToken()}`,
    },
    body: JSON.stringify({ ...body, version: claim.version }),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw new Error("the token was refused: enter a reviewer's token");
  }
  if (response.status === 409) {
    throw new Error("another reviewer changed this claim meanwhile: it is shown as it now stands");
  }
  if (!response.ok) throw new Error(answer.detail || `HTTP ${response.status}`);
  return answer;
}

function setReviewMessage(text, kind) {
  const box = $("#review-message");
  box.textContent = text || "";
  box.className = kind || "";
}

function askToken() {
  const input = el("input", { type: "password", id: "review-token", "aria-label": "Reviewer token", autocomplete: "off" });
  const form = el("form", { id: "review-token-form" },
    el("label", {}, "Reviewer token ", input),
    el("button", { type: "submit" }, "Start"),
    el("p", { class: "hint" }, "From `skyledger users add NAME`; kept for this tab only."));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    nextClaim();
    if (document.body.dataset.state === "error") refresh(); // a private ledger's view, now readable
  });
  $("#review-body").replaceChildren(form);
  input.focus();
}

async function nextClaim() {
  if (!reviewToken()) return askToken();
  const params = withParams(filterParams(), { limit: 200 });
  const queue = await api("/api/reviews/queue", params);
  const item = queue.items.find((c) => !review.skipped.has(c.id));
  $("#review-left").textContent = `${queue.left} claim${queue.left === 1 ? "" : "s"} left to review`;
  document.body.dataset.reviewLeft = queue.left;
  if (!item) {
    review.current = null;
    $("#review-body").replaceChildren(el("p", { class: "hint", id: "review-done" }, "Nothing left to review for these filters."));
    return;
  }
  await showReviewClaim(item.id, item.reasons);
}

async function showReviewClaim(id, reasons) {
  const claim = await api(`/api/claims/${encodeURIComponent(id)}`);
  review.current = claim;
  const spans = Object.entries(claim.evidence || {}).map(([field, span]) => ({ field, start: span[0], end: span[1] }));
  const fields = [
    ["Needs eyes", (reasons || []).join(", ") || "—"],
    ["Claimant", claim.claimant || "unattributed"],
    ["Claim", `${claim.claim_type} ${claim.weapon || ""}`],
    ["Count", el("span", { id: "review-count" }, countText(claim))],
    ["Region", regionName(claim.admin1) || claim.country || "—"],
    ["Status", `${claim.review_status} · version ${claim.version}`],
    ["Report", `${claim.report.source} · ${claim.report.published || "time unknown"}`],
  ];
  const text = el("div", { id: "review-text", lang: claim.report.lang || "und" }, ...highlighted(claim.report.text, spans));
  $("#review-body").replaceChildren(
    el("dl", { id: "review-fields", dataset: { claimId: claim.id } }, ...fields.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    text,
    el("p", { class: "hint" }, "Keys: c confirm · r reject · e edit the count · n next · v close"),
  );
  const mark = text.querySelector("mark[data-field=claim]");
  if (mark) mark.scrollIntoView({ block: "nearest" });
  document.body.dataset.reviewClaim = claim.id;
}

function editCount() {
  const claim = review.current;
  if (!claim) return;
  const input = el("input", { type: "number", min: 0, id: "review-count-input", value: claim.count ?? "", "aria-label": "Count" });
  const note = el("input", { type: "text", id: "review-note", "aria-label": "Note", placeholder: "why (optional)" });
  // With two fields a form submits on Enter only when it has a submit button.
  const form = el("form", { id: "review-edit" }, el("label", {}, "Count ", input), el("label", {}, " Note ", note),
    " ", el("button", { type: "submit" }, "Save"), el("span", { class: "hint" }, " Enter saves, Escape cancels"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    const fields = { count: value === "" ? null : Number(value) };
    decide({ action: "correct", fields, note: note.value.trim() || null }, "corrected");
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.preventDefault(); form.remove(); }
  });
  $("#review-fields").after(form);
  input.focus();
  input.select();
}

async function decide(body, done) {
  const claim = review.current;
  if (!claim) return;
  try {
    await sendReview(claim, body);
    setReviewMessage(`Claim ${claim.id} ${done}.`, "ok");
    await Promise.all([nextClaim(), refresh()]);
  } catch (error) {
    setReviewMessage(error.message, "error");
    if (reviewToken()) await showReviewClaim(claim.id);
    else askToken();
  }
}

function toggleReview(open) {
  review.open = open === undefined ? !review.open : open;
  $("#review-panel").hidden = !review.open;
  document.body.classList.toggle("reviewing", review.open);
  if (review.open) {
    review.skipped.clear();
    setReviewMessage("");
    nextClaim().catch((error) => setReviewMessage(error.message, "error"));
    $("#review-panel").scrollIntoView({ block: "start" });
  }
}

function typing(target) {
  return target && (["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) || target.isContentEditable);
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const key = event.key.toLowerCase();
  if (key === "v") { event.preventDefault(); toggleReview(); return; }
  if (!review.open || !review.current) return;
  if (key === "c") { event.preventDefault(); decide({ action: "confirm" }, "confirmed"); }
  else if (key === "r") { event.preventDefault(); decide({ action: "reject" }, "rejected"); }
  else if (key === "e") { event.preventDefault(); editCount(); }
  else if (key === "n") {
    event.preventDefault();
    review.skipped.add(review.current.id);
    nextClaim();
  }
});

$("#review-open").addEventListener("click", () => toggleReview());
$("#review-close").addEventListener("click", () => toggleReview(false));
