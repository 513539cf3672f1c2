using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OpsBot.Chat;

/// <summary>
/// <see cref="ChatMessage"/> as JSON, one shape for the stores (playground, outbox) and the browser: blocks carry a <c>type</c>
/// (<c>header</c>, <c>text</c>, …). <see cref="Stored"/> keeps image and file bytes; <see cref="Browser"/>
/// leaves them out, since the browser fetches them by URL (message id and block or file index).
/// </summary>
public static class ChatMessageJson
{
    private static readonly Dictionary<Type, string> BlockTypes = new()
    {
        [typeof(HeaderBlock)] = "header",
        [typeof(TextBlock)] = "text",
        [typeof(FieldsBlock)] = "fields",
        [typeof(TableBlock)] = "table",
        [typeof(ContextBlock)] = "context",
        [typeof(ImageBlock)] = "image",
        [typeof(ButtonsBlock)] = "buttons",
    };

    public static JsonSerializerOptions Stored { get; } = Options(keepBytes: true);

    public static JsonSerializerOptions Browser { get; } = Options(keepBytes: false);

    public static string Serialize(ChatMessage message) => JsonSerializer.Serialize(message, Stored);

    public static ChatMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<ChatMessage>(json, Stored) ?? throw new JsonException("A stored message is null.");

    private static JsonSerializerOptions Options(bool keepBytes)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (!keepBytes) resolver.Modifiers.Add(WithoutBytes);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new MessageConverter());
        options.Converters.Add(new BlockConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void WithoutBytes(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(byte[])).ToList())
            info.Properties.Remove(property);
    }

    /// <summary>Written by hand because the record has two constructors, which the serializer cannot choose between.</summary>
    private sealed class MessageConverter : JsonConverter<ChatMessage>
    {
        public override ChatMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader)?.AsObject() ?? throw new JsonException("A message must be an object.");
            return new ChatMessage(
                node["fallback"]?.GetValue<string>() ?? "",
                node["blocks"]?.Deserialize<List<MessageBlock>>(options) ?? [],
                node["files"]?.Deserialize<List<ChatFile>>(options) ?? []);
        }

        public override void Write(Utf8JsonWriter writer, ChatMessage value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("fallback", value.Fallback);
            writer.WritePropertyName("blocks");
            JsonSerializer.Serialize(writer, value.Blocks, options);
            writer.WritePropertyName("files");
            JsonSerializer.Serialize(writer, value.Files, options);
            writer.WriteEndObject();
        }
    }

    /// <summary>A block with its <c>type</c> first; a block type missing from the list fails loudly.</summary>
    private sealed class BlockConverter : JsonConverter<MessageBlock>
    {
        public override MessageBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader)?.AsObject() ?? throw new JsonException("A block must be an object.");
            var name = node["type"]?.GetValue<string>();
            var type = BlockTypes.FirstOrDefault(t => t.Value == name).Key ?? throw new JsonException($"Unknown block type '{name}'.");
            // TableBlock has two constructors too; read its three parts directly.
            if (type == typeof(TableBlock))
                return new TableBlock(
                    node["columns"].Deserialize<List<string>>(options) ?? [],
                    node["rows"].Deserialize<List<List<string>>>(options)?.ToList<IReadOnlyList<string>>() ?? [],
                    node["totalRows"]?.GetValue<int>() ?? 0);
            node.Remove("type");
            return (MessageBlock)(node.Deserialize(type, options) ?? throw new JsonException($"Empty {name} block."));
        }

        public override void Write(Utf8JsonWriter writer, MessageBlock value, JsonSerializerOptions options)
        {
            var name = BlockTypes.GetValueOrDefault(value.GetType())
                ?? throw new NotSupportedException($"OpsBot cannot store a {value.GetType().Name} yet: add it to ChatMessageJson.");
            var node = JsonSerializer.SerializeToNode(value, value.GetType(), options)!.AsObject();
            node.Insert(0, "type", name);
            node.WriteTo(writer, options);
        }
    }
}
