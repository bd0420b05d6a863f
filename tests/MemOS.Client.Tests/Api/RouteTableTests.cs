using System.Reflection;
using MemOS.Client.Api;

namespace MemOS.Client.Tests.Api;

/// <summary>
/// The routes of the Refit interfaces against the route table: every route sent has a row,
/// every row is for a route sent, and the retry decisions themselves are spelled out here, so
/// making a write repeatable (or a read not) is a visible change to this file.
/// </summary>
public sealed class RouteTableTests
{
    private static IReadOnlyList<RouteFacts> Rows { get; } = typeof(RouteTable).GetFields()
        .Where(field => field.FieldType == typeof(RouteFacts))
        .Select(field => (RouteFacts)field.GetValue(null)!)
        .ToArray();

    private static IEnumerable<string> KnownRoutes => Rows.Select(row => row.Path);

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
            .Should().BeSubsetOf(KnownRoutes, "a route without an entry would be treated as an unrepeatable write by default, silently");
    }

    [Fact]
    public void Every_retry_decision_is_for_a_route_some_method_sends()
    {
        KnownRoutes.Should().BeSubsetOf(InterfaceRoutes().Select(entry => entry.Route), "a decision for a route nothing sends is dead");
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
        KnownRoutes.Should().Contain(route);
        var operation = Rows.Single(row => row.Path == route);

        (operation.IsWrite, operation.IsGeneration).Should().Be((isWrite, isGeneration));
        operation.Name.Should().Be(route.TrimStart('/'));
    }

    [Fact]
    public void The_listed_decisions_cover_every_known_route()
    {
        Decisions().Select(row => (string)row[0]).Should().BeEquivalentTo(KnownRoutes);
    }
}

/// <summary>Every method of the Refit interfaces has its row in CloudCalls or ServerCalls, and each row sends to the route of its facts.</summary>
public sealed class CallTableTests
{
    [Fact]
    public void Every_row_of_the_call_tables_names_facts_of_the_route_its_methods_send_to()
    {
        var rows = new[] { typeof(CloudCalls), typeof(ServerCalls) }
            .SelectMany(table => table.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType.IsGenericType)
            .Select(field => (field.Name, Api: field.FieldType.GetGenericArguments()[0], Route: (RouteFacts)field.FieldType.GetProperty("Route")!.GetValue(field.GetValue(null))!))
            .ToList();

        rows.Should().HaveCount(typeof(IMemOSCloudApi).GetMethods().Length + typeof(IMemOSServerApi).GetMethods().Length, "each interface method is sent through exactly one row");
        foreach (var (name, api, route) in rows)
        {
            var method = api.GetMethod(name + "Async");
            method.Should().NotBeNull($"row {name} names a method of an interface");
            method!.GetCustomAttribute<Refit.HttpMethodAttribute>()!.Path.Should().Be(route.Path, $"row {name} sends to its facts' route");
        }
    }
}
