using MemOS.Client.Chat;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>Counts a typed stream's text events and characters, and checks that it ended with the end event and nothing else.</summary>
internal struct TextCount(ServedClient client)
{
    private long _events;
    private long _chars;
    private bool _ended;
    private string? _unexpected;

    public void Add(ChatStreamEvent item)
    {
        switch (item)
        {
            case ChatTextDelta text when !_ended:
                _events++;
                _chars += text.Text.Length;
                break;
            case ChatStreamEnd when !_ended:
                _ended = true;
                break;
            default:
                _unexpected ??= item.GetType().Name;
                break;
        }
    }

    public readonly void Check(long expectedEvents, long expectedChars)
    {
        if (_events != expectedEvents || _chars != expectedChars || !_ended || _unexpected is not null)
        {
            throw new InvalidDataException(
                $"Client ({client.Key}) {client.Description} received {_events} text events of {_chars} characters{(_ended ? " and the end" : " and no end")}{(_unexpected is null ? string.Empty : $" and an unexpected {_unexpected}")}, expected {expectedEvents} of {expectedChars} and the end.");
        }
    }
}
