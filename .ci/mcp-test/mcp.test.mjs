// The installed `memos mcp`, driven over stdio by the official MCP TypeScript SDK client, as an AI
// assistant would drive it. Run by .ci/mcp with MEMOS_TOOL set to the installed tool's path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

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

test('initialize, list, call every tool well and badly, in parallel, cancelled, then close', async () => {
  const session = await connect(['--emulator']);
  const { client } = session;

  assert.equal(client.getServerVersion().name, 'memos');
  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map(t => [t.name, t]));
  assert.deepEqual(Object.keys(byName).sort(), ['add_feedback', 'add_messages', 'chat', 'delete_memories', 'get_memory', 'search_memories']);
  for (const t of tools) {
    assert.equal(t.inputSchema.additionalProperties, false, `${t.name} allows extra properties`);
    for (const [name, property] of Object.entries(t.inputSchema.properties)) {
      if (property.type === 'string') assert.equal(property.minLength, 1, `${t.name}.${name} allows ""`);
      if (property.type === 'array') assert.equal(property.minItems, 1, `${t.name}.${name} allows []`);
    }
  }
  assert.deepEqual(byName.search_memories.inputSchema.required.sort(), ['query', 'userId']);
  const message = byName.add_messages.inputSchema.properties.messages.items;
  assert.deepEqual(message.properties.role.enum, roles);
  assert.equal(message.additionalProperties, false);
  assert.match(byName.chat.description, /writes .*memory/i, 'chat does not say it writes memory');
  assert.match(byName.delete_memories.description, /cannot be undone/i);
  assert.match(byName.search_memories.description, /changes nothing/i);
  assert.equal(byName.delete_memories.annotations.destructiveHint, true);

  // Every tool called well; text comes back as UTF-8, not \u escapes.
  const added = await ok(client, 'add_messages', { userId: 'alice', conversationId: 'trip', messages: [{ role: 'user', content: chinese, chat_time: '2025-09-12 08:00:00' }] });
  assert.ok(added.task_id);
  const found = await ok(client, 'search_memories', { userId: 'alice', query: 'a quiet room' });
  assert.equal(found.memories.length, 1, JSON.stringify(found));
  assert.ok(found.memories[0].memory.includes('我喜欢'), JSON.stringify(found));
  const id = found.memories[0].id;
  const memory = await ok(client, 'get_memory', { memoryId: id });
  assert.equal(memory.id ?? id, id);
  const feedback = await ok(client, 'add_feedback', { userId: 'alice', feedback: 'I no longer like quiet rooms.', conversationId: 'trip' });
  assert.ok(feedback.task_id);
  const answer = await ok(client, 'chat', { userId: 'alice', query: 'Which hotel do I like?' });
  assert.equal(typeof answer.answer, 'string');
  assert.deepEqual(await ok(client, 'delete_memories', { memoryIds: [id] }), { deleted: 1 });

  // Every tool called badly: each a tool error naming the argument and why.
  const good = {
    search_memories: { userId: 'alice', query: 'hotel' },
    add_messages: { userId: 'alice', conversationId: 'trip', messages: [{ role: 'user', content: 'hi' }] },
    get_memory: { memoryId: 'm1' },
    delete_memories: { memoryIds: ['m1'] },
    add_feedback: { userId: 'alice', feedback: 'wrong' },
    chat: { userId: 'alice', query: 'hi' },
  };
  for (const [name, args] of Object.entries(good)) {
    for (const argument of byName[name].inputSchema.required) {
      const { [argument]: _, ...missing } = args;
      await bad(client, name, missing, argument, /required/i);
      await bad(client, name, { ...args, [argument]: 42 }, argument, /must be (a string|an array), not a number/);
      const property = byName[name].inputSchema.properties[argument];
      await bad(client, name, { ...args, [argument]: property.type === 'array' ? [] : '' }, argument, property.type === 'array' ? /at least one item/ : /must not be empty/);
    }
    await bad(client, name, { ...args, colour: 'blue' }, 'colour', /unexpected argument/i);
  }
  await bad(client, 'add_messages', { ...good.add_messages, messages: [{ role: 'robot', content: 'hi' }] }, 'messages[0].role', /must be one of user, assistant, system, tool/);
  await bad(client, 'add_messages', { ...good.add_messages, messages: [{ role: 'user', content: '' }] }, 'messages[0].content', /must not be empty/);
  await bad(client, 'add_messages', { ...good.add_messages, messages: [{ role: 'user', content: 'hi', mood: 'happy' }] }, 'messages[0].mood', /unexpected property/i);
  await bad(client, 'add_messages', { ...good.add_messages, messages: [{ role: 'user', content: 'hi', chat_time: 'yesterday' }] }, 'messages[0].chat_time', /must be a time/);
  await bad(client, 'delete_memories', { memoryIds: ['m1', ''] }, 'memoryIds[1]', /must not be empty/);
  // A failure of the service is a tool error too, with the service's code.
  await bad(client, 'get_memory', { memoryId: 'no-such-memory' }, 'MemOS call failed', /40001/);
  await bad(client, 'get_memory', { memoryId: 'x'.repeat(9000) }, 'MemOS call failed', /the id given is too long/);

  // 40 calls at once, each answered.
  await ok(client, 'add_messages', { userId: 'bob', conversationId: 'tea', messages: [{ role: 'user', content: 'I like green tea.' }] });
  const parallel = await Promise.all(Array.from({ length: 40 }, (_, i) => ok(client, 'search_memories', { userId: 'bob', query: `tea ${i}` })));
  assert.equal(parallel.length, 40);
  for (const result of parallel) assert.equal(result.memories.length, 1);

  // A cancelled call: the client gives up on it, and the server serves the next one.
  const abort = new AbortController();
  const cancelled = client.callTool({ name: 'chat', arguments: { userId: 'bob', query: 'What do I like?' } }, undefined, { signal: abort.signal });
  abort.abort('the user changed their mind');
  await assert.rejects(cancelled);
  await ok(client, 'search_memories', { userId: 'bob', query: 'tea' });

  await close(session);
});

test('a pinned user: no userId in any schema, and only that user\'s memories are reached', async () => {
  for (const pin of [{ args: ['--emulator', '--user', 'alice'], env: {} }, { args: ['--emulator'], env: { MEMOS_USER_ID: 'alice' } }]) {
    const session = await connect(pin.args, pin.env);
    const { client } = session;
    const { tools } = await client.listTools();
    for (const t of tools) assert.ok(!('userId' in t.inputSchema.properties), `${t.name} still takes userId`);

    await ok(client, 'add_messages', { conversationId: 'trip', messages: [{ role: 'user', content: chinese }] });
    await bad(client, 'search_memories', { userId: 'bob', query: 'hotel' }, 'userId', /unexpected argument/i);
    const found = await ok(client, 'search_memories', { query: 'a quiet room' });
    assert.equal(found.memories.length, 1, JSON.stringify(found));
    await bad(client, 'delete_memories', { memoryIds: ['someone-elses-memory'] }, 'memoryIds[0]', /alice/);
    await ok(client, 'get_memory', { memoryId: found.memories[0].id });
    assert.deepEqual(await ok(client, 'delete_memories', { memoryIds: [found.memories[0].id] }), { deleted: 1 });

    await close(session);
  }
});
