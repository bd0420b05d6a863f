// Uses the AspNetCoreChat page as a visitor would, in Debian's Chromium. Started by .ci/browser,
// which passes the URLs of three running instances of the sample: CHAT_URL (on the emulator),
// WRONG_KEY_URL (with the API key WRONG_KEY, which MemOS refuses) and SLOW_URL (on the stand-in
// MemOS at SLOW_MEMOS_URL, whose answers never end).
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const chatUrl = required("CHAT_URL");
const wrongKeyUrl = required("WRONG_KEY_URL");
const wrongKey = required("WRONG_KEY");
const slowUrl = required("SLOW_URL");
const slowMemosUrl = required("SLOW_MEMOS_URL");
const screenshot = required("SCREENSHOT");

const hotel = "I chose the 7 Days Inn hotel for my Guangzhou trip.";
const hotelQuestion = "Which hotel did I choose for my Guangzhou trip?";
const limit = 4000;

// launch() gives Chromium a fresh temporary profile (--user-data-dir) and removes it on close.
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  timeout: 60_000,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

try {
  await step("a visitor tells the page facts and asks about them", async () => {
    const { page, requests, errors } = await visit(browser, chatUrl);
    await page.locator("#backend", { hasText: "local MemOS emulator" }).waitFor();

    const [cookie] = (await page.context().cookies()).filter(c => c.name === "memos_visitor");
    assert.ok(cookie, "the page sets a visitor cookie");
    assert.match(cookie.value, /^visitor-[0-9a-f]{32}$/);
    assert.equal(cookie.httpOnly, true, "the visitor cookie is HttpOnly");
    assert.equal(cookie.sameSite, "Lax", "the visitor cookie is SameSite=Lax");

    await remember(page, "My favourite tea is jasmine tea.");
    await remember(page, hotel);

    const tea = await ask(page, "What is my favourite tea?");
    assert.match(tea, /jasmine tea/i);
    const answer = await ask(page, hotelQuestion);
    assert.match(answer, /7 Days Inn/, "the streamed answer mentions the fact");
    assert.equal(await page.locator("#turns .turn").count(), 2, "each question is one turn");

    const memories = page.locator("#memories .memory");
    await memories.filter({ hasText: "7 Days Inn" }).first().waitFor();
    await page.locator("#memories-note", { hasText: /MemOS recalled \d+ memor/ }).waitFor();

    const chats = requests.filter(r => r.url.includes("/api/chat"));
    assert.equal(chats.length, 2);
    for (const chat of chats) {
      assert.equal(chat.method, "POST", "questions are posted");
      assert.ok(!/hotel|tea|question/i.test(chat.url), `no question in the URL: ${chat.url}`);
      assert.match(chat.body, /Guangzhou|tea/);
      assert.match((await chat.response).headers()["content-type"], /^text\/event-stream/, "the answer comes as a stream of events");
    }

    await page.screenshot({ path: screenshot });

    // Bad input: the page says what is wrong and sends nothing.
    await page.locator("#question").fill("   ");
    await page.locator("#question").press("Enter");
    await page.locator("#question-message", { hasText: "Type a question first" }).waitFor();
    await page.locator("#question").fill("x".repeat(limit + 1));
    await page.locator("#send").click();
    await page.locator("#question-message", { hasText: "the limit is 4,000" }).waitFor();
    assert.equal(await page.locator("#turns .turn").count(), 2, "a refused question adds no turn");
    assert.equal(requests.filter(r => r.url.includes("/api/chat")).length, 2, "a refused question is not sent");
    await page.screenshot({ path: screenshot.replace(/\.png$/, "-refused.png") });

    // The server checks too, with a problem the page can show, whatever sends the question.
    const refused = await page.evaluate(async max => {
      const post = async question => {
        const response = await fetch("/api/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question, conversationId: "chat-check" }) });
        return { status: response.status, type: response.headers.get("content-type"), problem: await response.json() };
      };
      return [await post(""), await post(" \n\t "), await post("y".repeat(max + 1))];
    }, limit);
    for (const answer of refused) {
      assert.equal(answer.status, 400);
      assert.match(answer.type, /application\/problem\+json/);
    }
    assert.match(refused[0].problem.detail, /Type a question first/);
    assert.match(refused[1].problem.detail, /Type a question first/);
    assert.match(refused[2].problem.detail, /4,001 characters long; the limit is 4,000/);

    await remember(page, "   ", { error: "Type a fact first" });

    // Another browser is another visitor, with a memory of its own.
    const other = await visit(browser, chatUrl);
    const otherAnswer = await ask(other.page, hotelQuestion);
    assert.match(otherAnswer, /don't remember anything/, "visitors never see each other's memories");
    await other.page.locator("#memories-note", { hasText: "MemOS recalled nothing" }).waitFor();
    await other.page.context().close();

    // Forget me deletes this visitor's memories.
    await page.locator("#forget").click();
    await page.locator("#forget-message.ok", { hasText: "Forgotten" }).waitFor();
    const afterForget = await ask(page, hotelQuestion);
    assert.match(afterForget, /don't remember anything/, "forgotten facts are not recalled");
    await page.locator("#memories-note", { hasText: "MemOS recalled nothing" }).waitFor();
    await page.locator("#forget").click();
    await page.locator("#forget-message.ok", { hasText: "Nothing to forget" }).waitFor();

    assert.deepEqual(errors, [], "no script or console errors on the page");
    await page.context().close();
  });

  await step("a MemOS failure shows a readable message, without the key", async () => {
    const { page, errors } = await visit(browser, wrongKeyUrl);
    await page.locator("#backend", { hasText: "MemOS cloud" }).waitFor();

    await page.locator("#question").fill(hotelQuestion);
    await page.locator("#question").press("Enter");
    const turn = page.locator("#turns .turn").last();
    await page.locator('#turns .turn[data-state="error"]').waitFor();
    assert.match(await turn.locator(".answer-note").innerText(), /API key/);
    await page.locator("#memories-note", { hasText: "Nothing recalled" }).waitFor();

    await remember(page, hotel, { error: "API key" });
    await page.locator("#forget").click();
    await page.locator("#forget-message.error", { hasText: "API key" }).waitFor();

    await page.screenshot({ path: screenshot.replace(/\.png$/, "-failure.png") });
    const text = await page.locator("body").innerText();
    assert.ok(!text.includes(wrongKey), "the API key is never shown");
    assert.ok(!/\bat [\w.]+\(|Exception:/.test(text), "no stack trace is shown");
    assert.deepEqual(errors, [], "no script or console errors on the page");
    await page.context().close();
  });

  await step("Stop ends the answer, and a new question replaces the one still streaming", async () => {
    const { page, errors } = await visit(browser, slowUrl);
    const turns = page.locator("#turns .turn");

    await page.locator("#question").fill("Tell me a long story.");
    await page.locator("#question").press("Enter");
    await turns.nth(0).locator(".answer-text", { hasText: "stream1-word2 " }).waitFor();
    await page.locator("#stop").click();
    await page.locator('#turns .turn:nth-child(1)[data-state="stopped"]', { hasText: "Stopped." }).waitFor();
    await eventually(async () => (await streams()).open === 0, "stopping closes the sample's MemOS stream");
    assert.ok(await page.locator("#stop").isDisabled(), "nothing left to stop");

    await page.locator("#question").fill("Another long story?");
    await page.locator("#question").press("Enter");
    await turns.nth(1).locator(".answer-text", { hasText: "stream2-word2 " }).waitFor();
    await page.locator("#question").fill("No, a third one.");
    await page.locator("#question").press("Enter");
    await page.locator('#turns .turn:nth-child(2)[data-state="stopped"]', { hasText: "you asked something new" }).waitFor();
    await turns.nth(2).locator(".answer-text", { hasText: "stream3-word3 " }).waitFor();
    const replaced = await turns.nth(1).locator(".answer-text").innerText();
    assert.ok(!replaced.includes("stream3"), `answers never mix: ${replaced}`);
    assert.ok(!(await turns.nth(2).locator(".answer-text").innerText()).includes("stream2"), "answers never mix");
    await eventually(async () => (await streams()).open === 1, "the replaced question's MemOS stream is closed");

    await page.locator("#stop").click();
    await page.locator('#turns .turn:nth-child(3)[data-state="stopped"]').waitFor();
    await eventually(async () => (await streams()).open === 0, "the last stream is closed");
    assert.deepEqual(await streams(), { opened: 3, open: 0 });
    assert.deepEqual(errors, [], "no script or console errors on the page");
    await page.context().close();
  });
} finally {
  await browser.close();
}

console.log("All browser checks passed.");

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; run this through .ci/browser.`);
  }
  return value;
}

async function streams() {
  const response = await fetch(`${slowMemosUrl}/streams`);
  return response.json();
}

// Checks a condition every 50 ms until it holds, for at most 10 seconds (the sample's MemOS calls
// would only time out after 30).
async function eventually(condition, what) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`Not within 10 s: ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

async function step(name, body) {
  console.log(`- ${name}`);
  await body();
}

// A new visitor: its own browser context, so its own cookies.
async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", request => requests.push({ url: request.url(), method: request.method(), body: request.postData() ?? "", response: request.response() }));
  page.on("pageerror", error => errors.push(error.message));
  // Chromium logs every refused request (the page's 400s and 502s, on purpose here) as an error;
  // anything else, such as a Content-Security-Policy violation, is a fault of the page.
  page.on("console", message => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  await page.goto(url);
  return { page, requests, errors };
}

// Tells the page a fact with Enter and waits for its confirmation (or the expected error).
async function remember(page, fact, { error } = {}) {
  await page.locator("#fact").fill(fact);
  await page.locator("#fact").press("Enter");
  if (error) {
    await page.locator("#remember-message.error", { hasText: error }).waitFor();
  } else {
    const saved = page.locator("#remember-message.ok", { hasText: fact });
    await saved.waitFor();
    assert.match(await saved.innerText(), /^Saved: .*\nMemOS is turning it into a memory.*\nTask [0-9a-f]+$/);
  }
}

// Asks with Enter and waits for the streamed answer to end; returns its text.
async function ask(page, question) {
  const turns = page.locator("#turns .turn");
  const before = await turns.count();
  await page.locator("#question").fill(question);
  await page.locator("#question").press("Enter");
  const turn = turns.nth(before);
  await turn.locator(".question", { hasText: question }).waitFor();
  await page.locator(`#turns .turn:nth-child(${before + 1})[data-state="done"]`).waitFor();
  return turn.locator(".answer-text").innerText();
}
