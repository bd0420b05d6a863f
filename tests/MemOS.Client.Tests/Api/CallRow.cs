using System.Reflection;
using System.Runtime.CompilerServices;
using MemOS.Client.Api;

namespace MemOS.Client.Tests.Api;

/// <summary>
/// One row of <see cref="CloudCalls"/> or <see cref="ServerCalls"/>: its facts and the method of the Refit interface
/// its send calls, found by calling it against a stand-in of the interface that records the method called.
/// </summary>
internal sealed record CallRow(string Name, RouteFacts Facts, MethodInfo RefitMethod)
{
    public static IReadOnlyList<CallRow> Cloud { get; } = Read(typeof(CloudCalls), typeof(IMemOSCloudApi));

    public static IReadOnlyList<CallRow> Server { get; } = Read(typeof(ServerCalls), typeof(IMemOSServerApi));

    public static IEnumerable<CallRow> All => Cloud.Concat(Server);

    private static CallRow[] Read(Type table, Type api)
    {
        var standIn = RecordingApi.Create(api);
        return table.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType.IsGenericType)
            .Select(field =>
            {
                var row = field.GetValue(null)!;
                var facts = (RouteFacts)row.GetType().GetProperty("Route")!.GetValue(row)!;
                var send = (Delegate)row.GetType().GetProperty("Send")!.GetValue(row)!;
                var requestType = send.GetType().GetGenericArguments()[1];
                var request = requestType == typeof(string)
                    ? "an-id"
                    : RuntimeHelpers.GetUninitializedObject(requestType);
                var call = new MemOSCall(facts, null, Timeout.InfiniteTimeSpan, null, TimeProvider.System);

                RecordingApi.Called = null;
                send.DynamicInvoke(standIn, request, new Dictionary<string, string>(), call, CancellationToken.None);
                var method = RecordingApi.Called ?? throw new InvalidOperationException(
                    $"{table.Name}.{field.Name} sends through no method of {api.Name}");
                return new CallRow($"{table.Name}.{field.Name}", facts, method);
            })
            .ToArray();
    }

    /// <summary>Stands in for a Refit interface: records the method called, answers with an empty response.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance", "CA1852", Justification = "DispatchProxy derives the stand-in from it, so it cannot be sealed.")]
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
