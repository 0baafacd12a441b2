namespace CoalitionBot.Digest;

internal enum ReportPeriod
{
    Day,
    Week,
    Month,
}
