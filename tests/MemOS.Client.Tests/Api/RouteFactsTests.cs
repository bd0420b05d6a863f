using System.Reflection;
using MemOS.Client.Api;
using MemOS.Client.Chat;

namespace MemOS.Client.Tests.Api;

/// <summary>
/// The routes of the Refit interfaces against the rows' facts: every route sent has a row, every row's route is
/// declared on its interface and sent by the method its row calls, and the retry decisions themselves are spelled out
/// here, so making a write repeatable (or a read not) is a visible change to this file.
/// </summary>
public sealed class RouteFactsTests
{
    private static IEnumerable<string> KnownRoutes => CallRow.All.Select(row => row.Facts.Path).Distinct();

    private static IEnumerable<(MethodInfo Method, string Route)> InterfaceRoutes()
        => new[] { typeof(IMemOSCloudApi), typeof(IMemOSServerApi) }
            .SelectMany(api => api.GetMethods())
            .Select(method => (method, method.GetCustomAttribute<Refit.HttpMethodAttribute>()?.Path!));

    [Fact]
    public void Every_interface_method_declares_a_route()
    {
        InterfaceRoutes().Where(entry => entry.Route is null)
            .Select(entry => entry.Method.DeclaringType!.Name + "." + entry.Method.Name)
            .Should().BeEmpty("a method without a verb attribute could not be sent through a generated request");
    }

    [Fact]
    public void Each_row_sends_through_a_method_of_its_own_route_and_every_method_has_a_row()
    {
        foreach (var row in CallRow.All)
        {
            row.RefitMethod.GetCustomAttribute<Refit.HttpMethodAttribute>()!.Path
                .Should().Be(row.Facts.Path, $"row {row.Name} sends to the route of its facts");
        }

        CallRow.All.Select(row => row.RefitMethod).Should().BeEquivalentTo(
            typeof(IMemOSCloudApi).GetMethods().Concat(typeof(IMemOSServerApi).GetMethods()),
            "each interface method is sent through exactly one row");
    }

    [Fact]
    public void A_row_for_a_request_that_does_not_check_itself_must_give_its_check()
    {
        FluentActions.Invoking(() => RequestCheck.Or<string>(check: null))
            .Should().Throw<InvalidOperationException>().WithMessage("String does not check itself*");
        FluentActions.Invoking(() => RequestCheck.Or<ChatRequest>(check: null)(null!))
            .Should().Throw<ArgumentNullException>("the shared check wants the request given before its rules");
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
        var operation = CallRow.All.Select(row => row.Facts).Distinct().Single(facts => facts.Path == route);

        (operation.IsWrite, operation.IsGeneration).Should().Be((isWrite, isGeneration));
        operation.Name.Should().Be(route.TrimStart('/'));
    }

    [Fact]
    public void The_listed_decisions_cover_every_known_route()
    {
        Decisions().Select(row => (string)row[0]).Should().BeEquivalentTo(KnownRoutes);
    }
}
