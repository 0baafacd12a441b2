namespace CoalitionBot.Activity;

internal enum ReportPeriod
{
    Day,
    Week,
    Month,

    /// The last twelve calendar months (the current one up to yesterday), month by month.
    Year,
}
