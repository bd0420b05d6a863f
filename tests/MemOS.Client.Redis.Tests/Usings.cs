global using FluentAssertions;
global using MemOS.Client.Redis.Tests.Infrastructure;
global using Xunit;
