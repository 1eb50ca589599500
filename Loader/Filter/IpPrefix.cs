using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ebpf.Loader.Filter
{
    /// <summary>An IPv4 or IPv6 prefix (CIDR): a network address with no bits set after <see cref="Length"/>.</summary>
    /// <param name="Address">The network address.</param>
    /// <param name="Length">The prefix length in bits (0..32 or 0..128).</param>
    public sealed record IpPrefix(IPAddress Address, int Length)
    {
        /// <summary>Whether this is an IPv6 prefix.</summary>
        public bool IsIpv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

        /// <summary>
        /// Parses <c>ADDRESS/LENGTH</c> or a bare address (a /32 or /128). Host bits after the prefix are refused
        /// (<c>10.0.0.1/8</c> is most likely a typo for a /32 or for <c>10.0.0.0/8</c>).
        /// </summary>
        /// <param name="text">The text, e.g. <c>198.51.100.0/24</c> or <c>2001:db8::/32</c>.</param>
        /// <exception cref="FormatException">Not a prefix; the message says why in one line.</exception>
        public static IpPrefix Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            int slash = text.IndexOf('/', StringComparison.Ordinal);
            string addressText = slash < 0 ? text : text.Substring(0, slash);
            if (!IPAddress.TryParse(addressText, out IPAddress? address) || addressText.Contains('%', StringComparison.Ordinal) ||
                (address.AddressFamily != AddressFamily.InterNetwork && address.AddressFamily != AddressFamily.InterNetworkV6) ||
                (address.AddressFamily == AddressFamily.InterNetwork && addressText.Split('.').Length != 4))
            {
                throw new FormatException($"'{text}' is not an IPv4 or IPv6 prefix (e.g. 198.51.100.0/24, 2001:db8::/32)");
            }

            int maximum = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            int length = maximum;
            if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > maximum))
            {
                throw new FormatException($"'{text}': the prefix length must be 0..{maximum}");
            }

            byte[] bytes = address.GetAddressBytes();
            byte[] network = Masked(bytes, length);
            if (!network.AsSpan().SequenceEqual(bytes))
            {
                throw new FormatException($"'{text}' has bits set after the first {length}; the network is {new IPAddress(network)}/{length}");
            }

            return new IpPrefix(address, length);
        }

        /// <summary>Whether <paramref name="address"/> lies inside this prefix.</summary>
        /// <param name="address">An address of either family.</param>
        public bool Contains(IPAddress address)
        {
            ArgumentNullException.ThrowIfNull(address);
            return address.AddressFamily == Address.AddressFamily &&
                Masked(address.GetAddressBytes(), Length).AsSpan().SequenceEqual(Address.GetAddressBytes());
        }

        /// <summary><c>ADDRESS/LENGTH</c>.</summary>
        public override string ToString() => $"{Address}/{Length.ToString(CultureInfo.InvariantCulture)}";

        private static byte[] Masked(byte[] bytes, int length)
        {
            var masked = (byte[])bytes.Clone();
            for (int bit = length; bit < masked.Length * 8; bit++)
            {
                masked[bit >> 3] &= (byte)~(0x80 >> (bit & 7));
            }

            return masked;
        }
    }
}
