namespace CoalitionBot.Activity;

internal enum ReportPeriod
{
    Day,
    Week,
    Month,
}
