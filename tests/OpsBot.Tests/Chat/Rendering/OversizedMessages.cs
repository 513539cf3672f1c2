using OpsBot.Chat;

namespace OpsBot.Tests.Chat.Rendering;

/// <summary>Random messages that break every limit of every platform at once, from a seed so a failure can be replayed.</summary>
internal sealed class OversizedMessages(int seed)
{
    private static readonly string[] Vocabulary = ["anna", "refund", "Überfällig", "a*b", "<@U1>", "x&y", "_fast_", "`code`", "2h", "€12.00", "😀", "very-long-creator-handle-with-no-spaces-at-all-in-it"];
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly Random random = new(seed);
    private int buttons;

    public ChatMessage Next()
    {
        var blocks = Enumerable.Range(0, random.Next(0, 80)).Select(_ => Block()).ToList();
        return new ChatMessage(Words(random.Next(0, 50_000)), blocks, []);
    }

    private MessageBlock Block() => random.Next(7) switch
    {
        0 => new HeaderBlock(Words(random.Next(1, 400))),
        1 => new TextBlock(Rich(random.Next(1, 9000))),
        2 => new FieldsBlock([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => new ChatField(Words(random.Next(1, 400)), Rich(random.Next(0, 3000))))]),
        3 => Table(),
        4 => new ContextBlock(Rich(random.Next(1, 4000))),
        5 => new ImageBlock("chart.png", [], Words(random.Next(1, 3000))),
        _ => new ButtonsBlock([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => Button())]),
    };

    private TableBlock Table()
    {
        var columns = random.Next(1, 7);
        var rows = Enumerable.Range(0, random.Next(0, 400))
            .Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, columns).Select(_ => Words(random.Next(0, 80)))]).ToList();
        return new TableBlock([.. Enumerable.Range(0, columns).Select(_ => Words(random.Next(1, 70)))], rows);
    }

    private ChatButton Button() => new(
        $"test.press:{buttons++}",
        Words(random.Next(1, 120)),
        (ButtonStyle)random.Next(3),
        random.Next(2) == 0 ? null : Words(random.Next(1, 3000)));

    private RichText Rich(int length)
    {
        var spans = new List<Span>();
        for (var total = 0; total < length;)
        {
            var span = random.Next(6) switch
            {
                0 => new Span("20 Nov 10:00", Time: At.AddHours(random.Next(100))),
                1 => new Span(Words(random.Next(1, 300)), (SpanStyle)random.Next(1, 4)),
                _ => new Span(Words(random.Next(1, 2000))),
            };
            spans.Add(span);
            total += span.Text.Length;
        }
        return new RichText(spans);
    }

    private string Words(int length)
    {
        var text = new System.Text.StringBuilder();
        while (text.Length < length) text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(random.Next(8) == 0 ? '\n' : ' ');
        return text.ToString(0, length);
    }
}
