# xdp_root: the XDP root array's entry program (a template: XdpRootAssembly expands it for N slots).
#
# Sanity checks, then tail calls into slots 0 .. N-1 in order with constant keys (the JIT turns each
# into a direct jump). Counts its own verdict in row N of root_stats (rows 0 .. N-1 belong to the slots).
#   runt Ethernet, truncated or malformed IPv4/IPv6 header     -> XDP_ABORTED
#   not IPv4/IPv6 (ARP, VLAN-tagged, ...), or IP protocol other
#   than TCP/UDP/ICMP (IPv4) or TCP/UDP/ICMPv6 (IPv6 next header) -> XDP_PASS at once
#   every slot empty                                              -> XDP_PASS
# Placeholders: {slot} inside the @each-slot block, {root_row} = N.

    r6 = r1                         # the context survives helper calls in r6
    r2 = *(u32 *)(r6 + 0)           # data
    r3 = *(u32 *)(r6 + 4)           # data_end
    r4 = r2
    r4 += 14
    if r4 > r3 goto aborted         # runt: no whole Ethernet header
    r5 = *(u16 *)(r2 + 12)          # EtherType, read little endian
    if r5 == 0x0008 goto ipv4       # 0x0800
    if r5 == 0xdd86 goto ipv6       # 0x86dd
    goto pass                       # ARP, VLAN tags and the rest are not ours

ipv4:
    r4 = r2
    r4 += 34                        # Ethernet + the fixed 20-byte IPv4 header
    if r4 > r3 goto aborted
    r5 = *(u8 *)(r2 + 14)           # version and IHL
    r7 = r5
    r5 >>= 4
    if r5 != 4 goto aborted
    r7 &= 15
    if r7 < 5 goto aborted          # IHL below 5 words is malformed
    r7 <<= 2
    r4 = r2
    r4 += 14
    r4 += r7
    if r4 > r3 goto aborted         # options run past the frame
    r5 = *(u8 *)(r2 + 23)           # protocol
    if r5 == 6 goto slots           # TCP
    if r5 == 17 goto slots          # UDP
    if r5 == 1 goto slots           # ICMP
    goto pass

ipv6:
    r4 = r2
    r4 += 54                        # Ethernet + the 40-byte IPv6 header
    if r4 > r3 goto aborted
    r5 = *(u8 *)(r2 + 14)
    r5 >>= 4
    if r5 != 6 goto aborted
    r5 = *(u8 *)(r2 + 20)           # next header
    if r5 == 6 goto slots           # TCP
    if r5 == 17 goto slots          # UDP
    if r5 == 58 goto slots          # ICMPv6
    goto pass

slots:
# @each-slot
    r1 = r6
    r2 = map[root_slots] ll
    r3 = {slot}
    call bpf_tail_call              # returns only when slot {slot} is empty
# @end
pass:
    r7 = 2                          # XDP_PASS: every slot was empty, or not our packet
    goto count
aborted:
    r7 = 0                          # XDP_ABORTED

count:
    r1 = {root_row}
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[root_stats] ll
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r1 = r7
    r1 <<= 3                        # column = verdict (ABORTED 0 .. REDIRECT 4), 8 bytes each
    r0 += r1
    r1 = *(u64 *)(r0 + 0)           # per-CPU row: no other CPU writes it
    r1 += 1
    *(u64 *)(r0 + 0) = r1
out:
    r0 = r7
    exit
