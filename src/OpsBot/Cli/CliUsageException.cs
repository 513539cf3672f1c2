namespace OpsBot.Cli;

/// <summary>
/// Bad arguments found only once the configuration is known (a local time that does not exist in the
/// ops time zone). <see cref="CliApp"/> treats it like a parse error: message, usage, exit code 2.
/// </summary>
public sealed class CliUsageException(string message) : Exception(message);
