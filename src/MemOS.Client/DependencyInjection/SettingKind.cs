namespace MemOS.Client;

/// <summary>What is checked in a configured value before it is bound.</summary>
internal enum SettingKind
{
    /// <summary>Left to the binder and the options' own validation.</summary>
    Other,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A time span written as <c>hh:mm:ss</c>; a bare number would bind as days.</summary>
    TimeSpan,

    /// <summary>One of the <see cref="MemOSRegion"/> names.</summary>
    Region,

    /// <summary>A nested section with its own keys.</summary>
    Section,
}
