namespace MemOS.Client;

/// <summary>Which MemOS cloud endpoint to use when <see cref="MemOSClientOptions.BaseUrl"/> is not set.</summary>
public enum MemOSRegion
{
    /// <summary>
    /// The China endpoint, <see cref="MemOSClientOptions.ChinaBaseUrl"/> (the default, as in the official clients).
    /// </summary>
    China,

    /// <summary>The global endpoint, <see cref="MemOSClientOptions.GlobalBaseUrl"/>.</summary>
    Global,
}
