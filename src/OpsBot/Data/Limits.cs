namespace OpsBot.Data;

/// <summary>Column lengths, chosen so every indexed string fits SQL Server's index key limit.</summary>
internal static class Limits
{
    public const int Id = 128;
    public const int Handle = 64;
    public const int Code = 32;
    public const int Text = 512;
    public const int Note = 2000;
}
