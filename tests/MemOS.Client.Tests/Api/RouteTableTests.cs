using System.Reflection;
using MemOS.Client.Api;
using MemOS.Client.Transport;

namespace MemOS.Client.Tests.Api;

/// <summary>
/// The routes of the Refit interfaces against the retry-safety table: every route sent has a
/// decision, every decision is for a route sent, and the decisions themselves are spelled out
/// here, so making a write repeatable (or a read not) is a visible change to this file.
/// </summary>
public sealed class RouteTableTests
{
    private static IEnumerable<(MethodInfo Method, string Route)> InterfaceRoutes()
        => new[] { typeof(IMemOSCloudApi), typeof(IMemOSServerApi) }
            .SelectMany(api => api.GetMethods())
            .Select(method => (method, method.GetCustomAttribute<Refit.HttpMethodAttribute>()?.Path!));

    [Fact]
    public void Every_interface_method_declares_a_route()
    {
        InterfaceRoutes().Where(entry => entry.Route is null).Select(entry => entry.Method.DeclaringType!.Name + "." + entry.Method.Name)
            .Should().BeEmpty("a method without a verb attribute could not be sent through a generated request");
    }

    [Fact]
    public void Every_route_of_the_interfaces_has_a_retry_decision()
    {
        InterfaceRoutes().Select(entry => entry.Route).Distinct()
            .Should().BeSubsetOf(MemOSOperation.KnownRoutes, "a route without an entry would be treated as an unrepeatable write by default, silently");
    }

    [Fact]
    public void Every_retry_decision_is_for_a_route_some_method_sends()
    {
        MemOSOperation.KnownRoutes.Should().BeSubsetOf(InterfaceRoutes().Select(entry => entry.Route), "a decision for a route nothing sends is dead");
    }

    public static TheoryData<string, bool, bool> Decisions() => new()
    {
        // Route, IsWrite (never repeated once it may have been applied), IsGeneration (a model answers; may run long).
        { "/add/message", true, false },
        { "/search/memory", false, false },
        { "/chat", true, true },
        { "/get/memory", false, false },
        { "/get/memory/{id}", false, false },
        { "/update/memory", false, false },
        { "/delete/memory", false, false },
        { "/get/message", false, false },
        { "/add/feedback", true, false },
        { "/get/status", false, false },
        { "/extract/memory", false, false },
        { "/rerank", false, false },
        { "/create/knowledgebase", true, false },
        { "/delete/knowledgebase", false, false },
        { "/add/knowledgebase-file", true, false },
        { "/get/knowledgebase-file", false, false },
        { "/delete/knowledgebase-file", false, false },
        { "/bind/profile_template", true, false },
        { "/edit/profile", false, false },
        { "/delete/profile", false, false },
        { "/add/profile_template", true, false },
        { "/list/profile_template", false, false },
        { "/get/profile_template", false, false },
        { "/update/profile_template", false, false },
        { "/delete/profile_template", false, false },
        { "/product/chat/stream", true, true },
        { "/product/chat/complete", true, true },
        { "/product/add", true, false },
        { "/product/search", false, false },
        { "/product/get_memory", false, false },
        { "/product/get_memory/{id}", false, false },
        { "/product/delete_memory", false, false },
        { "/product/feedback", true, false },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Each_route_is_a_write_or_a_generation_exactly_as_listed(string route, bool isWrite, bool isGeneration)
    {
        MemOSOperation.KnownRoutes.Should().Contain(route);
        var operation = MemOSOperation.For(route);

        (operation.IsWrite, operation.IsGeneration).Should().Be((isWrite, isGeneration));
        operation.Name.Should().Be(route.TrimStart('/'));
    }

    [Fact]
    public void The_listed_decisions_cover_every_known_route()
    {
        Decisions().Select(row => (string)row[0]).Should().BeEquivalentTo(MemOSOperation.KnownRoutes);
    }
}
