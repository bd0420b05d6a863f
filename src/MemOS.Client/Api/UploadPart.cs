using MemOS.Client.KnowledgeBases;
using Refit;

namespace MemOS.Client.Api;

/// <summary>One local file as a multipart part, for Refit to place in the form under its file name.</summary>
internal sealed class UploadPart(KnowledgeBaseUpload upload) : MultipartItem(upload.FileName, upload.ContentType)
{
    // UploadContent reopens or rewinds the data on each send, so the part survives a retry.
    protected override HttpContent CreateContent() => new UploadContent(upload);
}
