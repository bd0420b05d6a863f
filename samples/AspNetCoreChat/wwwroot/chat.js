"use strict";

// The chat page: no framework and no build step. Every failure ends as a readable message on the
// page; the browser console is never the only place an error shows.

const $ = id => document.getElementById(id);
const conversationId = "chat-" + Array.from(crypto.getRandomValues(new Uint8Array(8)), b => b.toString(16).padStart(2, "0")).join("");
let maxLength = 4000; // the server's limit; /api/about confirms it when the page loads
let current = null; // the question being answered: { controller, turn }
const unreachable = "Cannot reach the chat server. Is it still running? Check it, then try again.";

document.addEventListener("DOMContentLoaded", () => {
  $("ask").addEventListener("submit", event => { event.preventDefault(); ask($("question").value); });
  $("question").addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("ask").requestSubmit();
    }
  });
  $("stop").addEventListener("click", () => current?.controller.abort("Stopped."));
  $("remember").addEventListener("submit", event => { event.preventDefault(); remember($("fact").value); });
  $("forget").addEventListener("click", forget);
  loadAbout();
});

async function loadAbout() {
  try {
    const response = await fetch("/api/about");
    if (!response.ok) {
      return showBanner(await problemText(response));
    }
    const about = await response.json();
    $("backend").textContent = about.backend;
    maxLength = about.maxLength;
  } catch {
    showBanner(unreachable);
  }
}

// The same checks as the server, so a mistake shows at once; the server checks again.
function inputProblem(text, what) {
  if (text.trim() === "") {
    return `Type a ${what} first: an empty ${what} cannot be sent.`;
  }
  if (text.length > maxLength) {
    return `That ${what} is ${text.length.toLocaleString("en-US")} characters long; the limit is ${maxLength.toLocaleString("en-US")}. Please shorten it.`;
  }
  return null;
}

async function ask(question) {
  const problem = inputProblem(question, "question");
  showMessage($("question-message"), problem, "error");
  if (problem) {
    return;
  }

  // One stream per question: a new question stops the previous answer (and its server request).
  current?.controller.abort("Stopped: you asked something new.");
  const controller = new AbortController();
  const turn = addTurn(question.trim());
  current = { controller, turn };
  $("question").value = "";
  $("stop").disabled = false;
  showMemories(null, "Recalling…");

  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream, application/problem+json" },
      body: JSON.stringify({ question, conversationId }),
      signal: controller.signal,
    });
    if (!response.ok) {
      turn.fail(await problemText(response));
      showMemories(null, "Nothing recalled: the question was not answered.");
      return;
    }
    await readEvents(response.body, (type, data) => {
      if (type === "memories") showMemories(data);
      else if (type === "text") turn.append(data);
      else if (type === "error") turn.fail(data);
      else if (type === "done") turn.finish();
    });
    if (turn.state() === "streaming") {
      turn.fail("The answer was cut off before it finished. Please ask again.");
    }
  } catch (error) {
    if (controller.signal.aborted) {
      turn.stop(String(controller.signal.reason ?? "Stopped."));
    } else {
      turn.fail(unreachable);
    }
  } finally {
    if (current?.controller === controller) {
      current = null;
      $("stop").disabled = true;
    }
  }
}

// Reads a text/event-stream body: blocks separated by a blank line, each with "event:" and
// "data:" lines. The server sends every event's data as JSON.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n/g, "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data = [];
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") type = text;
        else if (field === "data") data.push(text);
      }
      if (data.length > 0) {
        onEvent(type, JSON.parse(data.join("\n")));
      }
    }
  }
}

function addTurn(question) {
  $("empty")?.remove();
  const item = element("li", "turn");
  const asked = element("p", "bubble question", question);
  const answer = element("div", "bubble answer");
  const text = element("span", "answer-text");
  const note = element("p", "answer-note");
  answer.append(text, note);
  item.append(asked, answer);
  item.dataset.state = "streaming";
  $("turns").append(item);
  scrollToEnd();

  const end = (state, message) => {
    if (item.dataset.state !== "streaming") return;
    item.dataset.state = state;
    note.textContent = message ?? "";
    scrollToEnd();
  };
  return {
    state: () => item.dataset.state,
    append: delta => { text.textContent += delta; scrollToEnd(); },
    finish: () => end("done"),
    stop: reason => end("stopped", reason),
    fail: message => end("error", message),
  };
}

function showMemories(memories, note) {
  const list = $("memories");
  list.replaceChildren();
  if (memories === null) {
    $("memories-note").textContent = note;
    return;
  }
  $("memories-note").textContent = memories.length === 0
    ? "MemOS recalled nothing for this question."
    : `MemOS recalled ${memories.length} ${memories.length === 1 ? "memory" : "memories"}:`;
  for (const memory of memories) {
    const item = element("li", "memory");
    item.append(element("span", "memory-text", memory.text));
    const relevance = memory.relevance == null ? "" : ` · ${Math.round(memory.relevance * 100)}% relevant`;
    item.append(element("span", "memory-meta", memory.kind + relevance));
    list.append(item);
  }
}

async function remember(fact) {
  const message = $("remember-message");
  const problem = inputProblem(fact, "fact");
  if (problem) {
    return showMessage(message, problem, "error");
  }
  const button = $("remember-button");
  button.disabled = true;
  showMessage(message, "Saving…", "pending");
  try {
    const response = await fetch("/api/remember", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: fact, conversationId }),
    });
    if (!response.ok) {
      return showMessage(message, await problemText(response), "error");
    }
    const saved = await response.json();
    $("fact").value = "";
    const status = saved.status ? ` (${saved.status})` : "";
    showMessage(message, `Saved: ${fact.trim()}\nMemOS is turning it into a memory${status}.`, "ok", saved.taskId ? `Task ${saved.taskId}` : null);
  } catch {
    showMessage(message, unreachable, "error");
  } finally {
    button.disabled = false;
  }
}

async function forget() {
  const message = $("forget-message");
  const button = $("forget");
  button.disabled = true;
  showMessage(message, "Forgetting…", "pending");
  try {
    const response = await fetch("/api/forget", { method: "POST" });
    if (!response.ok) {
      return showMessage(message, await problemText(response), "error");
    }
    showMessage(message, (await response.json()).message, "ok");
    showMemories(null, "Ask something to see what MemOS recalls.");
  } catch {
    showMessage(message, unreachable, "error");
  } finally {
    button.disabled = false;
  }
}

// A failed call's message for people: the server's problem detail when it sent one.
async function problemText(response) {
  try {
    const problem = await response.json();
    if (problem.detail || problem.title) {
      return problem.detail ?? problem.title;
    }
  } catch {
    // Not JSON: fall through to the status.
  }
  return `The chat server answered HTTP ${response.status} ${response.statusText}. Please try again.`;
}

// Shows a message (hidden when text is null), with an optional detail line in small print.
function showMessage(target, text, kind, detail) {
  target.hidden = !text;
  target.textContent = text ?? "";
  target.className = "message " + (kind ?? "");
  if (detail) {
    target.append(element("small", "detail", detail));
  }
}

function showBanner(text) {
  $("banner").textContent = text;
  $("banner").hidden = false;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function scrollToEnd() {
  const turns = $("turns");
  turns.scrollTop = turns.scrollHeight;
}
