namespace MemOS.Client;

/// <summary>How the lists of a result are kept.</summary>
internal static class ResultList
{
    /// <summary>
    /// The list without null items: services have sent them inside result lists, where they carry
    /// nothing and would otherwise reach the caller's loop as nulls. A list without any is kept as given.
    /// </summary>
    public static IReadOnlyList<T>? WithoutNulls<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return null;
        }

        // Indexed, not foreach: a foreach over the interface boxes the list's enumerator on every result.
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                return list.Where(static kept => kept is not null).ToArray();
            }
        }

        return list;
    }
}
