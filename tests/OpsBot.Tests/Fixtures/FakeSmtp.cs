using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// A fake SMTP server on 127.0.0.1 speaking just enough RFC 5321 for System.Net.Mail: EHLO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT; no TLS, no AUTH. Each accepted mail is kept as its raw DATA text.
/// </summary>
public sealed class FakeSmtp : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public ConcurrentQueue<SmtpMail> Mails { get; } = new();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public FakeSmtp()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.test ESMTP");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO": await writer.WriteAsync("250-fake.test\r\n250 8BITMIME\r\n"); break;
                case "HELO": await writer.WriteLineAsync("250 fake.test"); break;
                case "MAIL": from = line[10..]; await writer.WriteLineAsync("250 OK"); break;
                case "RCPT": to.Add(line[8..]); await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".") data.Append(d.StartsWith("..") ? d[1..] : d).Append("\r\n");
                    Mails.Enqueue(new SmtpMail(from ?? "", [.. to], data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET" or "NOOP": await writer.WriteLineAsync("250 OK"); break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("502 Command not implemented"); break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}

/// <param name="Data">The raw message: headers, a blank line, the MIME body.</param>
public sealed record SmtpMail(string From, IReadOnlyList<string> To, string Data)
{
    public string? Header(string name) => Data.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ").Split("\r\n")
        .FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
}
