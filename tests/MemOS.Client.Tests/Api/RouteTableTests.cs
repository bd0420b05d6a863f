using System.Reflection;
using System.Runtime.CompilerServices;
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

/// <summary>
/// Every row of CloudCalls and ServerCalls, paired with the Refit method it calls by calling it: each
/// row's send runs against a stand-in interface that records the method called, whose route must be
/// the row's; and every method of the interfaces is called by some row.
/// </summary>
public sealed class CallTableTests
{
    [Fact]
    public void Each_row_sends_through_the_method_of_its_own_route_and_every_method_has_a_row()
    {
        var called = new List<MethodInfo>();
        foreach (var (table, api) in new[] { (typeof(CloudCalls), typeof(IMemOSCloudApi)), (typeof(ServerCalls), typeof(IMemOSServerApi)) })
        {
            var standIn = RecordingApi.Create(api);
            foreach (var field in table.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.FieldType.IsGenericType))
            {
                var row = field.GetValue(null)!;
                var route = (RouteFacts)row.GetType().GetProperty("Route")!.GetValue(row)!;
                var send = (Delegate)row.GetType().GetProperty("Send")!.GetValue(row)!;
                var requestType = send.GetType().GetGenericArguments()[1];
                var request = requestType == typeof(string) ? "an-id" : RuntimeHelpers.GetUninitializedObject(requestType);
                var call = new MemOSCall(route, null, Timeout.InfiniteTimeSpan, null, TimeProvider.System);

                RecordingApi.Called = null;
                send.DynamicInvoke(standIn, request, new Dictionary<string, string>(), call, CancellationToken.None);

                var method = RecordingApi.Called;
                method.Should().NotBeNull($"row {table.Name}.{field.Name} sends through its interface");
                method!.GetCustomAttribute<Refit.HttpMethodAttribute>()!.Path
                    .Should().Be(route.Path, $"row {table.Name}.{field.Name} sends to the route of its facts");
                called.Add(method!);
            }
        }

        called.Should().BeEquivalentTo(
            typeof(IMemOSCloudApi).GetMethods().Concat(typeof(IMemOSServerApi).GetMethods()),
            "each interface method is sent through exactly one row");
    }

    /// <summary>Stands in for a Refit interface: records the method called and answers with an empty response.</summary>
    public class RecordingApi : DispatchProxy
    {
        [ThreadStatic]
        private static MethodInfo? CalledMethod;

        public static MethodInfo? Called { get => CalledMethod; set => CalledMethod = value; }

        public static object Create(Type api)
            => typeof(DispatchProxy).GetMethod(nameof(DispatchProxy.Create), 2, Type.EmptyTypes)!
                .MakeGenericMethod(api, typeof(RecordingApi)).Invoke(null, null)!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            CalledMethod = targetMethod;
            return Task.FromResult(new HttpResponseMessage());
        }
    }
}
