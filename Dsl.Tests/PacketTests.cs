using System;
using Ebpf.Dsl.Packets;
using Xunit;

namespace Ebpf.Dsl.Tests
{
    public class PacketTests
    {
        private static byte[] Frame(int length)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)i;
            }

            return bytes;
        }

        [Fact]
        public void AccessIsBoundedByDataEnd()
        {
            var ctx = new XdpContext(Frame(20));
            Assert.Equal(20, ctx.Packet.Length);
            Assert.NotNull(ctx.Packet.At<EthernetHeader>(6));
            Assert.Null(ctx.Packet.At<EthernetHeader>(7));
            Assert.Null(ctx.Packet.At<byte>(-1));
            Assert.True(ctx.Packet.TryRead(19, out byte last));
            Assert.Equal(19, last);
            Assert.False(ctx.Packet.TryRead(17, out uint _));
            Assert.False(ctx.Packet.TryWrite(18, 0u));
            Assert.True(ctx.Packet.TryWrite(16, 0xffffffffu));
            Assert.Equal(0xff, ctx.ToArray()[16]);
        }

        [Fact]
        public void AdjustHeadGrowsAndShrinksTheFront()
        {
            var ctx = new XdpContext(Frame(60));
            Assert.Equal(0, ctx.AdjustHead(-8));
            Assert.Equal(68, ctx.Packet.Length);
            Assert.Equal(0, ctx.ToArray()[8]);
            Assert.Equal(0, ctx.AdjustHead(8 + 46));
            Assert.Equal(14, ctx.Packet.Length);
            Assert.Equal(-Errno.EINVAL, ctx.AdjustHead(1));
            Assert.Equal(-Errno.EINVAL, ctx.AdjustHead(-(XdpContext.DefaultHeadroom - XdpContext.XdpFrameSize + 47)));
            Assert.Equal(0, ctx.AdjustHead(-(XdpContext.DefaultHeadroom - XdpContext.XdpFrameSize + 46)));
        }

        [Fact]
        public void AdjustTailGrowsZeroedWithinTheFrameAndKeepsAnEthernetHeader()
        {
            var ctx = new XdpContext(Frame(60));
            Assert.Equal(0, ctx.AdjustTail(4));
            Assert.Equal(new byte[4], ctx.ToArray()[60..]);
            Assert.Equal(-Errno.EINVAL, ctx.AdjustTail(-51));
            Assert.Equal(0, ctx.AdjustTail(-50));
            int room = XdpContext.DefaultFrameSize - XdpContext.SharedInfoSize - XdpContext.DefaultHeadroom - 14;
            Assert.Equal(-Errno.EINVAL, ctx.AdjustTail(room + 1));
            Assert.Equal(0, ctx.AdjustTail(room));
        }

        [Fact]
        public void AdjustMetaNeedsWholeWordsAndKeepsMetadataAcrossAdjustHead()
        {
            var ctx = new XdpContext(Frame(60), headroom: 512);
            Assert.Equal(0, ctx.Metadata.Length);
            Assert.Equal(-Errno.EACCES, ctx.AdjustMeta(-2));
            Assert.Equal(-Errno.EINVAL, ctx.AdjustMeta(1));
            Assert.Equal(-Errno.EACCES, ctx.AdjustMeta(-256));
            Assert.Equal(0, ctx.AdjustMeta(-4));
            Assert.True(ctx.Metadata.TryWrite(0, 0xdeadbeefu));
            Assert.Equal(0, ctx.AdjustHead(-10));
            Assert.True(ctx.Metadata.TryRead(0, out uint meta));
            Assert.Equal(0xdeadbeefu, meta);
            Assert.Equal(0, ctx.AdjustMeta(4));
            Assert.Equal(0, ctx.Metadata.Length);
        }

        [Fact]
        public void ReferencesDieWhenTheBoundariesMove()
        {
            var ctx = new XdpContext(Frame(60));
            var eth = ctx.Packet.At<EthernetHeader>(0)!;
            _ = eth.Value;
            ctx.AdjustTail(-1);
            Assert.Throws<InvalidOperationException>(() => eth.Value);
        }

        [Fact]
        public void RedirectAndLoadBytes()
        {
            var ctx = new XdpContext(Frame(60));
            Assert.Equal(XdpAction.Aborted, ctx.Redirect(3, flags: 1));
            Assert.Null(ctx.RedirectTarget);
            Assert.Equal(XdpAction.Redirect, ctx.Redirect(3));
            Assert.Equal(3u, ctx.RedirectTarget);

            Span<byte> buffer = stackalloc byte[4];
            Assert.Equal(0, ctx.LoadBytes(56, buffer));
            Assert.Equal(59, buffer[3]);
            Assert.Equal(-Errno.EINVAL, ctx.LoadBytes(57, buffer));

            var skb = new SkBuffContext(Frame(40));
            Assert.Equal(-Errno.EFAULT, skb.LoadBytes(37, buffer));
            Assert.Equal(0, skb.LoadBytes(36, buffer));
            Assert.Equal(TcAction.Shot, skb.Redirect(2, flags: 2));
            Assert.Equal(TcAction.Redirect, skb.Redirect(2, flags: 1));
            Assert.True(skb.RedirectIngress);
            skb.Cb[4] = 7;
            Assert.Equal(7u, skb.Cb[4]);
        }
    }
}
