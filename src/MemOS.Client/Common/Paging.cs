namespace MemOS.Client;

/// <summary>When to stop asking for the next page, from whatever paging fields the answer carries.</summary>
internal static class Paging
{
    public static bool IsLastPage(int page, int? pages, int? total, int? pageSize, int itemsOnPage)
    {
        if (itemsOnPage == 0)
        {
            return true;
        }

        if (pages is { } knownPages)
        {
            return page >= knownPages;
        }

        if (total is { } knownTotal && pageSize is > 0)
        {
            return (long)page * pageSize.Value >= knownTotal;
        }

        // Without counts, only a short page proves the end: a full one may have more behind it.
        return pageSize is { } size && itemsOnPage < size;
    }
}
