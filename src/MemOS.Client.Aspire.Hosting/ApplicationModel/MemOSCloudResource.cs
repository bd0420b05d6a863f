namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The MemOS cloud as an AppHost resource: nothing runs; services that reference it get
/// <c>ConnectionStrings__{name}</c> as <c>Endpoint=&lt;API root&gt;;Key=&lt;key&gt;</c>, the key from a secret
/// parameter.
/// </summary>
/// <param name="name">The resource name, which is also the connection string's name.</param>
/// <param name="apiKey">The parameter that holds the API key; secret, so the dashboard and the manifest never show
/// it.</param>
/// <param name="baseUrl">The API root, e.g. <c>https://memos.memtensor.cn/api/openmem/v1</c>.</param>
public sealed class MemOSCloudResource(string name, ParameterResource apiKey, Uri baseUrl) :
    Resource(name),
    IResourceWithConnectionString
{
    /// <summary>The parameter that holds the API key.</summary>
    public ParameterResource ApiKey { get; } = apiKey;

    /// <summary>The API root services call.</summary>
    public Uri BaseUrl { get; } = baseUrl;

    /// <summary><c>Endpoint=&lt;API root&gt;;Key=&lt;key&gt;</c>, the form the MemOS Aspire client reads.</summary>
    public ReferenceExpression ConnectionStringExpression
        => ReferenceExpression.Create($"Endpoint={BaseUrl.ToString().TrimEnd('/')};Key={ApiKey}");
}
