namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// The service's documented knowledge-base upload limits (files per upload, size of each file and of the whole upload),
/// checked before a byte is sent.
/// </summary>
internal static class UploadLimits
{
    public static void Check(IReadOnlyList<KnowledgeBaseUpload> files)
    {
        if (files.Count == 0)
        {
            throw new ArgumentException("At least one file is required.", nameof(files));
        }

        if (files.Count > MemOSLimits.MaxUploadFiles)
        {
            throw new ArgumentException($"At most {MemOSLimits.MaxUploadFiles} files may be uploaded at once; "
                + $"{files.Count} were given. Split them into several uploads.", nameof(files));
        }

        long total = 0;
        foreach (var upload in files)
        {
            ArgumentNullException.ThrowIfNull(upload, nameof(files));
            if (upload.Length > MemOSLimits.MaxFileBytes)
            {
                throw new ArgumentException($"'{upload.FileName}' is {upload.Length} bytes; each file may be at most "
                    + "100 MB.", nameof(files));
            }

            total += upload.Length;
        }

        if (total > MemOSLimits.MaxUploadBytes)
        {
            throw new ArgumentException($"The files add up to {total} bytes; one upload may be at most 300 MB in all. "
                + "Split them into several uploads.", nameof(files));
        }
    }
}
