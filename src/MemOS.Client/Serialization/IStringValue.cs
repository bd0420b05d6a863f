namespace MemOS.Client.Serialization;

/// <summary>
/// Contract of the string-backed open enums, so one converter can read and write all of them.
/// </summary>
internal interface IStringValue<TSelf> where TSelf : struct, IStringValue<TSelf>
{
    string Value { get; }

    static abstract TSelf Create(string value);
}
