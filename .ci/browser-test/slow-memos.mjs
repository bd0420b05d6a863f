// A stand-in for MemOS whose chat answers never end: one word every 100 ms, each stream's words
// numbered, until the client closes the connection. It recalls nothing. GET /streams tells how
// many chat streams were opened and how many are still open, so the browser test can see that
// stopping an answer on the page closes the sample's call to MemOS too.
import { createServer } from "node:http";

let opened = 0;
let open = 0;

const server = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/streams") {
    return json(response, { opened, open });
  }
  request.resume();
  if (request.url.endsWith("/search/memory")) {
    return json(response, { code: 0, message: "ok", data: { memory_detail_list: [] } });
  }
  if (!request.url.endsWith("/chat")) {
    return json(response, { code: 40000, message: "Not in this stand-in", data: null });
  }

  const stream = ++opened;
  open++;
  response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  let word = 0;
  const timer = setInterval(() => {
    const data = JSON.stringify({ type: "text", data: `stream${stream}-word${++word} ` });
    response.write(`event: message\ndata: ${data}\n\n`);
  }, 100);
  response.on("close", () => {
    clearInterval(timer);
    open--;
  });
});

function json(response, body) {
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
}

server.listen(0, "127.0.0.1", () => console.log(`Slow MemOS at http://127.0.0.1:${server.address().port}`));
