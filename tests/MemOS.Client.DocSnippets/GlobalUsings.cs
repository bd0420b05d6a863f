// The namespaces a reader of the documentation has imported once for their app, so that a
// fragment in the middle of a section compiles without repeating them.
global using MemOS.Client;
global using MemOS.Client.AI;
global using MemOS.Client.Chat;
global using MemOS.Client.Filters;
global using MemOS.Client.KnowledgeBases;
global using MemOS.Client.Memories;
global using MemOS.Client.Messages;
global using MemOS.Client.Tasks;
global using MemOS.Client.Testing;
global using Microsoft.Extensions.AI;
global using Microsoft.Extensions.DependencyInjection;
