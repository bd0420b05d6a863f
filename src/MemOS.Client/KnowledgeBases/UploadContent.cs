using System.Net;
using System.Net.Http.Headers;

namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// One multipart part's body. Unlike <see cref="StreamContent"/> it never disposes a caller's
/// stream, and it can be sent more than once (each send rewinds or reopens the data).
/// </summary>
internal sealed class UploadContent : HttpContent
{
    private readonly KnowledgeBaseUpload _upload;

    public UploadContent(KnowledgeBaseUpload upload)
    {
        _upload = upload;
        Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(
        Stream stream,
        TransportContext? context,
        CancellationToken cancellationToken)
    {
        var source = _upload.OpenForSend(out var dispose);
        try
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (dispose)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _upload.Length;
        return true;
    }
}
