// The copy button beside a read-only field (an invitation link): shown only when this module
// runs, it copies the field's text and says so; the field stays selectable by hand.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const input = document.getElementById(button.dataset.copy);
  const status = document.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
  if (!input) continue;
  button.hidden = false;
  input.addEventListener("focus", () => input.select());
  button.addEventListener("click", async () => {
    input.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(input.value);
      copied = true;
    } catch {
      // Without the clipboard API (an insecure origin, an old browser) the old command may work.
      copied = document.execCommand?.("copy") ?? false;
    }
    if (status) status.textContent = copied ? button.dataset.copied : button.dataset.failed;
  });
}
