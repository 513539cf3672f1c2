using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpsBot.Data;

/// <summary>DateTimeOffset ⇄ UTC Unix milliseconds (bigint). Reads come back with offset zero.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
