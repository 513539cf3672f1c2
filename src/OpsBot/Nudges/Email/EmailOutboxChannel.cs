using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsBot.Chat;
using OpsBot.Chat.Outbox;
using OpsBot.Chat.Rendering;
using OpsBot.Data;

namespace OpsBot.Nudges.Email;

/// <summary>
/// Delivers <see cref="OutboxTargetKind.CreatorEmail"/> messages, whatever the chat platform: the creator's address is
/// read from the store at send time, the message goes as plain text (<see cref="PlainTextRenderer"/>) with an HTML part
/// (<see cref="EmailHtml"/>), and its subject is the message's header.
/// </summary>
public sealed class EmailOutboxChannel(OpsDbContext db, PlainTextRenderer plain, IServiceProvider services, IOptions<EmailOptions> options)
    : IOutboxChannel
{
    /// <summary>Replicas may differ in configuration: one without <c>Email:*</c> leaves the emails to one that has it.</summary>
    public bool Ready => options.Value.Configured;

    public async Task<string> PostAsync(OutboxPost post, OutboxTarget target, ChatMessage message, CancellationToken ct)
    {
        if (target.Kind != OutboxTargetKind.CreatorEmail) throw new ArgumentException($"{target} is not an email.", nameof(target));
        var transport = options.Value.Transport switch
        {
            EmailTransportKind.Resend => (IEmailTransport)services.GetRequiredService<ResendTransport>(),
            EmailTransportKind.Smtp => services.GetRequiredService<SmtpTransport>(),
            _ => throw new InvalidOperationException("Email is not configured: set Email:Resend:ApiKey or Email:Smtp:Host, and Email:From."),
        };
        var to = await db.Creators.AsNoTracking().Where(c => c.Id == target.Id).Select(c => c.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(to)) throw new InvalidOperationException($"Creator {target.Id} has no email address.");
        var subject = message.Blocks.OfType<HeaderBlock>().FirstOrDefault()?.Text ?? message.Fallback;
        var body = message with { Blocks = [.. message.Blocks.Where(b => b is not ButtonsBlock)] };
        return await transport.SendAsync(new EmailMessage(post.Key, to.Trim(), subject, plain.Render(body), EmailHtml.Render(body)), ct);
    }

    public Task UpdateAsync(string reference, ChatMessage message, CancellationToken ct) =>
        throw new NotSupportedException("A sent email cannot be changed.");
}
