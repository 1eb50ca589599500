namespace Ebpf.Loader.Filter
{
    /// <summary>A change to <see cref="FilterSettings"/>: null leaves a setting as it is.</summary>
    /// <param name="FragsDrop">New frags_drop, or null.</param>
    /// <param name="PtbSend">New ptb_send, or null.</param>
    /// <param name="PtbMaxPps">New ptb_max_pps, or null.</param>
    public sealed record FilterSettingsChange(bool? FragsDrop = null, bool? PtbSend = null, uint? PtbMaxPps = null)
    {
        /// <summary>Whether anything changes.</summary>
        public bool IsEmpty => FragsDrop is null && PtbSend is null && PtbMaxPps is null;

        /// <summary><paramref name="current"/> with this change applied.</summary>
        public FilterSettings ApplyTo(FilterSettings current) =>
            new(FragsDrop ?? current.FragsDrop, PtbSend ?? current.PtbSend, PtbMaxPps ?? current.PtbMaxPps);
    }
}
