// The installed `memos mcp`, driven over stdio and over Streamable HTTP by the official MCP TypeScript
// SDK client, as an AI assistant or a hosted agent platform would drive it. Run by .ci/mcp with
// MEMOS_TOOL set to the installed tool's path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const tool = process.env.MEMOS_TOOL;
assert.ok(tool, 'set MEMOS_TOOL to the installed memos executable');

const roles = ['user', 'assistant', 'system', 'tool'];
const chinese = '我喜欢住在7天酒店，I\'d like a quiet room.';

/** Starts `memos mcp` with these arguments and connects a client; records how the process ends and what it wrote to stderr. */
async function connect(args, env = {}) {
  const transport = new StdioClientTransport({
    command: tool,
    args: ['mcp', ...args],
    env: { ...passThrough(['DOTNET_ROOT', 'HOME', 'DOTNET_CLI_HOME', 'TMPDIR']), ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr.on('data', chunk => { stderr += chunk; });
  const client = new Client({ name: 'memos-ci', version: '1.0.0' });
  await client.connect(transport);
  // The SDK keeps the child private; its exit code is what this test is about, so it is read once here.
  const child = transport._process;
  const exited = new Promise(resolve => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { client, transport, exited, stderr: () => stderr };
}

/** Starts `memos mcp --http 127.0.0.1:0` with these arguments; resolves with its /mcp URL once it says where it listens. */
async function startHttp(args, env = {}) {
  const child = spawn(tool, ['mcp', '--http', '127.0.0.1:0', ...args], {
    env: { ...passThrough(['DOTNET_ROOT', 'HOME', 'DOTNET_CLI_HOME', 'TMPDIR']), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', chunk => { stdout += chunk; });
  const exited = new Promise(resolve => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', chunk => {
      stderr += chunk;
      const found = /listening on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (found) resolve(found[1]);
    });
    exited.then(({ code }) => reject(new Error(`memos mcp --http exited with ${code} before listening: ${stderr}`)));
  });
  return { url, child, exited, stderr: () => stderr, stdout: () => stdout };
}

/** A client connected to the HTTP server with this bearer token. */
async function connectHttp(url, token) {
  const client = new Client({ name: 'memos-ci-http', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

/** SIGTERM: the server answers what is under way, stops, and exits 0 with nothing on stdout. */
async function terminate(server) {
  server.child.kill('SIGTERM');
  const { code, signal } = await server.exited;
  assert.equal(signal, null, `memos mcp --http was killed by ${signal}; stderr: ${server.stderr()}`);
  assert.equal(code, 0, `memos mcp --http exited with ${code} on SIGTERM; stderr: ${server.stderr()}`);
  assert.equal(server.stdout(), '', 'memos mcp --http wrote to stdout');
}

/** The status of a POST to url sent with this Host header (fetch does not let a caller set Host). */
function statusWithHost(url, host, bearer) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { Host: host, Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' } }, response => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
    request.end('{}');
  });
}

function passThrough(names) {
  return Object.fromEntries(names.filter(name => process.env[name] !== undefined).map(name => [name, process.env[name]]));
}

function text(result) {
  assert.equal(result.content.length, 1, JSON.stringify(result));
  assert.equal(result.content[0].type, 'text');
  return result.content[0].text;
}

async function ok(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  assert.notEqual(result.isError, true, `${name} failed: ${JSON.stringify(result)}`);
  const body = text(result);
  assert.doesNotMatch(body, /\\u[0-9a-fA-F]{4}/, `${name} escapes text: ${body}`);
  return JSON.parse(body);
}

/** A call that must come back as a tool error (not a protocol error) whose text names the argument and says why. */
async function bad(client, name, args, argument, why) {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} was accepted: ${JSON.stringify(result)}`);
  const body = text(result);
  assert.ok(body.includes(argument), `${name} ${JSON.stringify(args)}: '${body}' does not name '${argument}'`);
  assert.match(body, why, `${name} ${JSON.stringify(args)}: '${body}' does not say why`);
  assert.doesNotMatch(body, /An error occurred invoking/, body);
}

/** Closes the client (which ends the server's stdin) and checks the server ended cleanly on its own. */
async function close(session) {
  await session.client.close();
  const { code, signal } = await session.exited;
  assert.equal(signal, null, `memos mcp was killed by ${signal}; stderr: ${session.stderr()}`);
  assert.equal(code, 0, `memos mcp exited with ${code}; stderr: ${session.stderr()}`);
  assert.equal(session.stderr(), '', 'memos mcp wrote to stderr');
}

const allTools = [
  'add_feedback', 'add_knowledgebase_file', 'add_message', 'chat', 'create_knowledgebase', 'delete_knowledgebase',
  'delete_knowledgebase_file', 'delete_memory', 'get_knowledgebase_file', 'get_memory', 'get_message', 'get_profile', 'search_memory',
];

/** Initialize (done by connect), list tools and prompts, call every tool well and badly, and 40 calls at once. */
async function exercise(client) {
  assert.equal(client.getServerVersion().name, 'memos');
  const instructions = client.getInstructions();
  assert.match(instructions, /search_memory/);
  assert.match(instructions, /add_message/);
  assert.match(instructions, /never to store/i);
  assert.match(instructions, /credential|password/i);
  const { prompts } = await client.listPrompts();
  assert.deepEqual(prompts.map(p => p.name), ['memory_guide']);
  const guide = await client.getPrompt({ name: 'memory_guide' });
  assert.equal(guide.messages[0].content.text, instructions);

  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map(t => [t.name, t]));
  assert.deepEqual(Object.keys(byName).sort(), allTools);
  for (const t of tools) {
    assert.equal(t.inputSchema.additionalProperties, false, `${t.name} allows extra properties`);
    for (const [name, property] of Object.entries(t.inputSchema.properties)) {
      if (property.type === 'string') assert.equal(property.minLength, 1, `${t.name}.${name} allows ""`);
      if (property.type === 'array') assert.equal(property.minItems, 1, `${t.name}.${name} allows []`);
      if (property.type === 'integer') assert.equal(property.minimum, 1, `${t.name}.${name} allows 0`);
    }
    // Each description says what the tool changes.
    assert.match(t.description, /changes nothing|cannot be undone|writes|write|stores|create|add|correct/i, `${t.name}: ${t.description}`);
    assert.equal(t.annotations.readOnlyHint, /changes nothing/i.test(t.description), `${t.name}'s readOnlyHint disagrees with its description`);
  }
  assert.deepEqual(byName.search_memory.inputSchema.required.sort(), ['query', 'userId']);
  assert.equal(byName.search_memory.inputSchema.properties.memoryLimitNumber.maximum, 25);
  assert.match(byName.search_memory.inputSchema.properties.memoryLimitNumber.description, /\b6\b/);
  const message = byName.add_message.inputSchema.properties.messages.items;
  assert.deepEqual(message.properties.role.enum, roles);
  assert.equal(message.additionalProperties, false);
  assert.match(byName.chat.description, /writes .*memory/i, 'chat does not say it writes memory');
  for (const name of ['delete_memory', 'delete_knowledgebase_file', 'delete_knowledgebase']) {
    assert.match(byName[name].description, /cannot be undone/i);
    assert.equal(byName[name].annotations.destructiveHint, true);
  }

  // Every tool called well; text comes back as UTF-8, not \u escapes.
  const added = await ok(client, 'add_message', { userId: 'alice', conversationId: 'trip', messages: [{ role: 'user', content: chinese, chat_time: '2025-09-12 08:00:00' }] });
  assert.ok(added.task_id);
  const found = await ok(client, 'search_memory', { userId: 'alice', query: 'a quiet room' });
  assert.equal(found.memories.length, 1, JSON.stringify(found));
  assert.ok(found.memories[0].memory.includes('我喜欢'), JSON.stringify(found));
  for (let i = 0; i < 7; i++) await ok(client, 'add_message', { userId: 'limits', conversationId: 'many', messages: [{ role: 'user', content: `I like quiet room number ${i}.` }] });
  assert.equal((await ok(client, 'search_memory', { userId: 'limits', query: 'quiet room' })).memories.length, 6, 'search does not default to 6 memories');
  assert.equal((await ok(client, 'search_memory', { userId: 'limits', query: 'quiet room', memoryLimitNumber: 2 })).memories.length, 2);
  const history = await ok(client, 'get_message', { userId: 'alice', conversationId: 'trip' });
  assert.ok(history.messages.some(m => m.content === chinese), JSON.stringify(history));
  assert.ok(Array.isArray((await ok(client, 'get_profile', { userId: 'alice' })).profiles));
  const id = found.memories[0].id;
  const memory = await ok(client, 'get_memory', { memoryId: id });
  assert.equal(memory.id ?? id, id);
  const feedback = await ok(client, 'add_feedback', { userId: 'alice', feedback: 'I no longer like quiet rooms.', conversationId: 'trip' });
  assert.ok(feedback.task_id);
  const answer = await ok(client, 'chat', { userId: 'alice', query: 'Which hotel do I like?' });
  assert.equal(typeof answer.answer, 'string');
  assert.deepEqual(await ok(client, 'delete_memory', { memoryIds: [id] }), { deleted: 1 });
  const base = (await ok(client, 'create_knowledgebase', { knowledgebaseName: '酒店手册', knowledgebaseDescription: 'Hotel manuals' })).knowledgebase_id;
  assert.ok(base);
  const file = (await ok(client, 'add_knowledgebase_file', { knowledgebaseId: base, fileUrl: 'https://example.com/manual.pdf' })).files[0];
  assert.equal(file.name, 'manual.pdf');
  const listed = await ok(client, 'get_knowledgebase_file', { knowledgebaseId: base });
  assert.deepEqual(listed.files.map(f => f.id), [file.id]);
  assert.deepEqual(await ok(client, 'delete_knowledgebase_file', { knowledgebaseId: base, fileIds: [file.id] }), { deleted: 1 });
  assert.equal((await ok(client, 'get_knowledgebase_file', { knowledgebaseId: base, page: 1 })).files.length, 0);
  assert.deepEqual(await ok(client, 'delete_knowledgebase', { knowledgebaseId: base }), { deleted: base });

  // Every tool called badly: each a tool error naming the argument and why.
  const good = {
    search_memory: { userId: 'alice', query: 'hotel' },
    add_message: { userId: 'alice', conversationId: 'trip', messages: [{ role: 'user', content: 'hi' }] },
    get_message: { userId: 'alice', conversationId: 'trip' },
    get_memory: { memoryId: 'm1' },
    delete_memory: { memoryIds: ['m1'] },
    add_feedback: { userId: 'alice', feedback: 'wrong' },
    get_profile: { userId: 'alice' },
    chat: { userId: 'alice', query: 'hi' },
    create_knowledgebase: { knowledgebaseName: 'docs' },
    add_knowledgebase_file: { knowledgebaseId: 'kb1', fileUrl: 'https://example.com/a.pdf' },
    get_knowledgebase_file: { knowledgebaseId: 'kb1' },
    delete_knowledgebase_file: { knowledgebaseId: 'kb1', fileIds: ['f1'] },
    delete_knowledgebase: { knowledgebaseId: 'kb1' },
  };
  assert.deepEqual(Object.keys(good).sort(), allTools);
  for (const [name, args] of Object.entries(good)) {
    for (const argument of byName[name].inputSchema.required) {
      const { [argument]: _, ...missing } = args;
      await bad(client, name, missing, argument, /required/i);
      await bad(client, name, { ...args, [argument]: 42 }, argument, /must be (a string|an array), not a number/);
      const property = byName[name].inputSchema.properties[argument];
      await bad(client, name, { ...args, [argument]: property.type === 'array' ? [] : '' }, argument, property.type === 'array' ? /at least one item/ : /must not be empty/);
    }
    for (const [argument, property] of Object.entries(byName[name].inputSchema.properties).filter(([, p]) => p.type === 'integer')) {
      for (const wrong of [0, property.maximum + 1, 2.5, '6']) {
        await bad(client, name, { ...args, [argument]: wrong }, argument, /must be a whole number from 1 to/);
      }
    }
    await bad(client, name, { ...args, colour: 'blue' }, 'colour', /unexpected argument/i);
  }
  await bad(client, 'add_message', { ...good.add_message, messages: [{ role: 'robot', content: 'hi' }] }, 'messages[0].role', /must be one of user, assistant, system, tool/);
  await bad(client, 'add_message', { ...good.add_message, messages: [{ role: 'user', content: '' }] }, 'messages[0].content', /must not be empty/);
  await bad(client, 'add_message', { ...good.add_message, messages: [{ role: 'user', content: 'hi', mood: 'happy' }] }, 'messages[0].mood', /unexpected property/i);
  await bad(client, 'add_message', { ...good.add_message, messages: [{ role: 'user', content: 'hi', chat_time: 'yesterday' }] }, 'messages[0].chat_time', /must be a time/);
  await bad(client, 'delete_memory', { memoryIds: ['m1', ''] }, 'memoryIds[1]', /must not be empty/);
  // Half a surrogate pair: JSON can carry it escaped, no text can hold it.
  await bad(client, 'search_memory', { userId: 'alice', query: '\ud800 hotel' }, 'query', /not valid text/);
  await bad(client, 'add_message', { ...good.add_message, messages: [{ role: 'user', content: 'tea \udc00' }] }, 'messages[0].content', /not valid text/);
  await bad(client, 'add_knowledgebase_file', { ...good.add_knowledgebase_file, fileUrl: 'file:///etc/passwd' }, 'fileUrl', /http or https URL/);
  // A failure of the service is a tool error too, with the service's code.
  await bad(client, 'get_memory', { memoryId: 'no-such-memory' }, 'MemOS call failed', /40001/);
  await bad(client, 'get_memory', { memoryId: 'x'.repeat(9000) }, 'MemOS call failed', /the id given is too long/);
  await bad(client, 'delete_knowledgebase', { knowledgebaseId: 'no-such-base' }, 'MemOS call failed', /knowledge base/i);

  // 40 calls at once, each answered.
  await ok(client, 'add_message', { userId: 'bob', conversationId: 'tea', messages: [{ role: 'user', content: 'I like green tea.' }] });
  const parallel = await Promise.all(Array.from({ length: 40 }, (_, i) => ok(client, 'search_memory', { userId: 'bob', query: `tea ${i}` })));
  assert.equal(parallel.length, 40);
  for (const result of parallel) assert.equal(result.memories.length, 1);
}

test('stdio: initialize, list, call every tool well and badly, in parallel, cancelled, then close', async () => {
  const session = await connect(['--emulator']);
  const { client } = session;
  await exercise(client);

  // A cancelled call: the client gives up on it, and the server serves the next one.
  const abort = new AbortController();
  const cancelled = client.callTool({ name: 'chat', arguments: { userId: 'bob', query: 'What do I like?' } }, undefined, { signal: abort.signal });
  abort.abort('the user changed their mind');
  await assert.rejects(cancelled);
  await ok(client, 'search_memory', { userId: 'bob', query: 'tea' });

  await close(session);
});

test('stdio: a one-shot pipe gets every answer, a non-JSON line -32700, a lone surrogate a tool error naming the argument', () => {
  const lines = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '1' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    'this is not JSON',
    { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_memory', arguments: { userId: 'alice', query: 'QUERY' } } },
    { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'add_message', arguments: { userId: 'alice', conversationId: 'last', messages: [{ role: 'user', content: 'The last line before EOF.' }] } } },
  ].map(line => typeof line === 'string' ? line : JSON.stringify(line).replace('QUERY', '\\ud800 hotel'));
  const run = spawnSync(tool, ['mcp', '--emulator'], { input: lines.join('\n') + '\n', encoding: 'utf8', env: passThrough(['DOTNET_ROOT', 'HOME', 'DOTNET_CLI_HOME', 'TMPDIR']), timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const answers = run.stdout.trim().split('\n').map(line => JSON.parse(line));
  const byId = Object.fromEntries(answers.filter(a => a.id !== null).map(a => [a.id, a]));
  assert.deepEqual(Object.keys(byId).sort(), ['1', '2', '3'], run.stdout);
  const parseError = answers.find(a => a.id === null);
  assert.equal(parseError.error.code, -32700, run.stdout);
  assert.equal(byId[2].result.isError, true, JSON.stringify(byId[2]));
  assert.match(byId[2].result.content[0].text, /'query' is not valid text/);
  assert.equal(byId[3].result.isError, false, JSON.stringify(byId[3]));
  assert.ok(JSON.parse(byId[3].result.content[0].text).task_id, 'the last add_message before EOF was not confirmed');
});

test('stdio: a pinned user: no userId in any schema, and only that user\'s memories are reached', async () => {
  for (const pin of [{ args: ['--emulator', '--user', 'alice'], env: {} }, { args: ['--emulator'], env: { MEMOS_USER_ID: 'alice' } }]) {
    const session = await connect(pin.args, pin.env);
    const { client } = session;
    const { tools } = await client.listTools();
    for (const t of tools) assert.ok(!('userId' in t.inputSchema.properties), `${t.name} still takes userId`);

    await ok(client, 'add_message', { conversationId: 'trip', messages: [{ role: 'user', content: chinese }] });
    await bad(client, 'search_memory', { userId: 'bob', query: 'hotel' }, 'userId', /unexpected argument/i);
    const found = await ok(client, 'search_memory', { query: 'a quiet room' });
    assert.equal(found.memories.length, 1, JSON.stringify(found));
    await bad(client, 'delete_memory', { memoryIds: ['someone-elses-memory'] }, 'memoryIds[0]', /alice/);
    await bad(client, 'delete_knowledgebase', { knowledgebaseId: 'someone-elses-base' }, 'knowledgebaseId', /alice/);
    await ok(client, 'get_memory', { memoryId: found.memories[0].id });
    assert.deepEqual(await ok(client, 'delete_memory', { memoryIds: [found.memories[0].id] }), { deleted: 1 });

    await close(session);
  }
});

const token = 'ci-token-for-the-unpinned-client-0123456789';
const aliceToken = 'ci-token-of-alice-0123456789abcdef';
const bobToken = 'ci-token-of-bob-0123456789abcdef';

test('HTTP: with a bearer token, the same tools as stdio, well and badly, 40 at once; SIGTERM exits 0', async () => {
  const server = await startHttp(['--emulator'], { MEMOS_MCP_TOKEN: token });
  try {
    const client = await connectHttp(server.url, token);
    await exercise(client);
    await terminate(server);
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('HTTP: a missing or wrong token is refused with 401, a foreign browser origin with 403', async () => {
  const server = await startHttp(['--emulator'], { MEMOS_MCP_TOKEN: token });
  try {
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    const post = headers => fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers }, body: initialize });
    for (const headers of [{}, { Authorization: 'Bearer wrong-token-0123456789abcdef' }, { Authorization: `Basic ${token}` }, { Authorization: `Bearer ${token}x` }]) {
      const response = await post(headers);
      assert.equal(response.status, 401, JSON.stringify(headers));
      assert.match(response.headers.get('www-authenticate'), /^Bearer/);
      assert.ok(!(await response.text()).includes(token), 'the refusal echoes the token');
    }
    assert.equal((await post({ Authorization: `Bearer ${token}`, Origin: 'https://evil.example' })).status, 403);
    // A DNS-rebinding page reaches 127.0.0.1 under its own host name: refused.
    assert.equal(await statusWithHost(server.url, 'evil.example', token), 403);
    assert.equal((await post({ Authorization: `Bearer ${token}` })).status, 200);
    // The official client with a wrong token fails to connect, with the 401.
    await assert.rejects(connectHttp(server.url, 'wrong-token-0123456789abcdef'), error => error.code === 401 && /bearer token is required/.test(error.message));
    assert.ok(!server.stderr().includes(token), 'the token was written to stderr');
    await terminate(server);
  } finally {
    server.child.kill('SIGKILL');
  }
});

test('HTTP: two tokens mapped to two users cannot see each other\'s memories', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memos-mcp-'));
  const tokens = join(dir, 'tokens');
  const bobHash = spawnSync('sha256sum', { input: bobToken, encoding: 'utf8' }).stdout.split(' ')[0];
  writeFileSync(tokens, `# token user\n${aliceToken} alice\nsha256:${bobHash} bob\n`);
  const server = await startHttp(['--emulator', '--tokens', tokens]);
  try {
    const alice = await connectHttp(server.url, aliceToken);
    const bob = await connectHttp(server.url, bobToken);
    for (const client of [alice, bob]) {
      const { tools } = await client.listTools();
      for (const t of tools) assert.ok(!('userId' in t.inputSchema.properties), `${t.name} still takes userId`);
    }
    await ok(alice, 'add_message', { conversationId: 'trip', messages: [{ role: 'user', content: 'I always book the 7 Days Inn.' }] });
    await ok(bob, 'add_message', { conversationId: 'tea', messages: [{ role: 'user', content: 'I like green tea.' }] });
    const hers = await ok(alice, 'search_memory', { query: '7 Days Inn' });
    assert.equal(hers.memories.length, 1, JSON.stringify(hers));
    assert.equal((await ok(bob, 'search_memory', { query: '7 Days Inn' })).memories.filter(m => m.memory.includes('7 Days')).length, 0, 'bob sees alice\'s memory');
    assert.equal((await ok(alice, 'search_memory', { query: 'green tea' })).memories.filter(m => m.memory.includes('tea')).length, 0, 'alice sees bob\'s memory');
    await bad(bob, 'get_memory', { memoryId: hers.memories[0].id }, 'memoryId', /bob/);
    await bad(bob, 'delete_memory', { memoryIds: [hers.memories[0].id] }, 'memoryIds[0]', /bob/);
    assert.equal((await ok(bob, 'get_message', { conversationId: 'trip' })).messages.length, 0, 'bob reads alice\'s conversation');
    const base = (await ok(alice, 'create_knowledgebase', { knowledgebaseName: 'alice docs' })).knowledgebase_id;
    await bad(bob, 'delete_knowledgebase', { knowledgebaseId: base }, 'knowledgebaseId', /bob/);
    await ok(alice, 'get_memory', { memoryId: hers.memories[0].id });
    await ok(alice, 'delete_knowledgebase', { knowledgebaseId: base });
    await terminate(server);
  } finally {
    server.child.kill('SIGKILL');
  }
});
