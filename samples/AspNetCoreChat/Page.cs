/// <summary>The one page of the sample: remember a sentence, then ask and watch the answer stream in.</summary>
internal static class Page
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>MemOS chat</title>
        <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}input{width:70%}#answer{white-space:pre-wrap;margin-top:1rem}</style>
        </head>
        <body>
          <h1>Chat with memory</h1>
          <p><input id="fact" value="I choose 7 Days Inn for my Guangzhou trip."> <button onclick="remember()">Remember</button></p>
          <p><input id="query" value="Which hotel did I choose?"> <button onclick="ask()">Ask</button></p>
          <div id="answer"></div>
          <script>
            const user = "web_user", conversation = "web";
            async function remember() {
              await fetch("/remember", { method: "POST", headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ userId: user, conversationId: conversation, text: document.getElementById("fact").value }) });
            }
            function ask() {
              const answer = document.getElementById("answer");
              answer.textContent = "";
              const q = encodeURIComponent(document.getElementById("query").value);
              const source = new EventSource(`/chat?userId=${user}&conversationId=${conversation}&query=${q}`);
              source.addEventListener("text", e => answer.textContent += e.data);
              source.onerror = () => source.close();
            }
          </script>
        </body>
        </html>
        """;
}
