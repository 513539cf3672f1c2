namespace OpsBot.Chat.Slack;

/// <summary>A file for <see cref="SlackApi.UploadFileAsync"/>, for example a digest chart.</summary>
/// <param name="Title">Shown above the file; the file name when not given.</param>
/// <param name="AltText">Read out by screen readers for images (Slack allows up to 1000 characters).</param>
/// <param name="ChannelId">Share the file there; <c>null</c> keeps it private to the bot, for use in image blocks.</param>
/// <param name="InitialComment">A message posted with the shared file.</param>
public sealed record SlackUpload(string FileName, byte[] Content, string? Title, string? AltText, string? ChannelId, string? InitialComment);
