global using FluentAssertions;
global using MemOS.Client.Tests.Infrastructure;
global using Xunit;
