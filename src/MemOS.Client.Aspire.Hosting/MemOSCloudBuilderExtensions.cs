using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Points an AppHost's services at the MemOS cloud, the API key kept as a secret parameter.</summary>
public static class MemOSCloudBuilderExtensions
{
    /// <summary>The China endpoint of the MemOS cloud, the default.</summary>
    public const string ChinaBaseUrl = "https://memos.memtensor.cn/api/openmem/v1";

    /// <summary>The global endpoint of the MemOS cloud.</summary>
    public const string GlobalBaseUrl = "https://api.memt.ai/platform/api/openmem/v1";

    /// <summary>
    /// Adds the MemOS cloud: services that call <c>WithReference</c> with it get <c>ConnectionStrings__{name}</c>
    /// as <c>Endpoint=&lt;API root&gt;;Key=&lt;key&gt;</c>. Make the key with
    /// <c>builder.AddParameter("memos-api-key", secret: true)</c> and set it as <c>Parameters:memos-api-key</c>
    /// (user secrets or an environment variable), never in code.
    /// </summary>
    /// <param name="builder">The AppHost's builder.</param>
    /// <param name="name">The resource name, which is also the connection string's name, e.g. <c>memos</c>.</param>
    /// <param name="apiKey">The secret parameter that holds the API key.</param>
    /// <param name="baseUrl">The API root; <see cref="ChinaBaseUrl"/> when null.</param>
    /// <returns>The cloud resource.</returns>
    public static IResourceBuilder<MemOSCloudResource> AddMemOSCloud(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource> apiKey,
        Uri? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(apiKey);
        if (!apiKey.Resource.Secret)
        {
            throw new ArgumentException($"The API key parameter '{apiKey.Resource.Name}' must be secret: add it with "
                + "AddParameter(name, secret: true).", nameof(apiKey));
        }

        var url = baseUrl ?? new Uri(ChinaBaseUrl);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base URL '{url}' must be absolute.", nameof(baseUrl));
        }

        return builder.AddResource(new MemOSCloudResource(name, apiKey.Resource, url));
    }
}
