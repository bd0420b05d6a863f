namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// A local file to upload into a knowledge base as multipart form data. Its size must be known
/// before sending, so the documented limits (20 files, 100 MB each, 300 MB in all) are checked
/// before a byte goes out.
/// </summary>
public sealed class KnowledgeBaseUpload
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".doc"] = "application/msword",
        [".txt"] = "text/plain",
        [".json"] = "application/json",
        [".md"] = "text/markdown",
        [".xml"] = "application/xml",
        [".zip"] = "application/zip",
    };

    private readonly string? _path;
    private readonly Stream? _stream;
    private readonly long _startPosition;

    private KnowledgeBaseUpload(string fileName, string? path, Stream? stream, long length, string? contentType)
    {
        FileName = fileName;
        _path = path;
        _stream = stream;
        _startPosition = stream?.Position ?? 0;
        Length = length;
        ContentType = contentType ?? GuessContentType(fileName);
    }

    /// <summary>The file name sent with the part.</summary>
    public string FileName { get; }

    /// <summary>The size in bytes.</summary>
    public long Length { get; }

    /// <summary>The part's content type; guessed from the extension unless given.</summary>
    public string ContentType { get; }

    /// <summary>A file on disk; it is opened only while uploading.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The content type; guessed from the extension when null.</param>
    public static KnowledgeBaseUpload FromFile(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The file to upload does not exist: {path}", path);
        }

        return new(file.Name, file.FullName, null, file.Length, contentType);
    }

    /// <summary>Content from a stream the caller owns and disposes; read from its current position.</summary>
    /// <param name="fileName">The file name to send, with its extension.</param>
    /// <param name="content">A seekable stream, so its size can be checked before uploading.</param>
    /// <param name="contentType">The content type; guessed from the extension when null.</param>
    public static KnowledgeBaseUpload FromStream(string fileName, Stream content, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || !content.CanRead)
        {
            throw new ArgumentException("The stream must be readable and seekable so its size can be checked against "
                + "the 100 MB limit before uploading; copy it into a MemoryStream or a temporary file "
                + "first.", nameof(content));
        }

        return new(fileName, null, content, content.Length - content.Position, contentType);
    }

    internal static string GuessContentType(string fileName)
        => ContentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";

    internal HttpContent CreateContent() => new UploadContent(this);

    /// <summary>
    /// Opens the data to send: a file is opened for this one send, a caller's stream is rewound to where it started.
    /// </summary>
    internal Stream OpenForSend(out bool dispose)
    {
        if (_path is not null)
        {
            dispose = true;
            return new FileStream(
                _path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                bufferSize: 81920,
                useAsync: true);
        }

        dispose = false;
        _stream!.Position = _startPosition;
        return _stream;
    }
}
