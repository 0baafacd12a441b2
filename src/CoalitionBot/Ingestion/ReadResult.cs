namespace CoalitionBot.Ingestion;

/// What a read stored, and how many of the members' messages had any content (see the Message Content intent).
internal readonly record struct ReadResult(int Stored, int MemberMessages, int MemberMessagesWithContent);
