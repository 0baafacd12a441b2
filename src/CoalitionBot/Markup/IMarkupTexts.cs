using System.Globalization;

namespace CoalitionBot.Markup;

/// The words markup rendering needs in the reader's language (the digest's texts provide them).
internal interface IMarkupTexts
{
    CultureInfo Culture { get; }

    string Spoiler { get; }

    string SpoilerHidden { get; }

    string UnknownUser { get; }

    string UnknownRole { get; }

    string UnknownChannel { get; }
}
