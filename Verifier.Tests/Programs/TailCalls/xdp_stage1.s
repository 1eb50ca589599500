; xdp_stage1: the XDP twin of egress1. Falls back to XDP_ABORTED (0) when the tail call fails.
    r6 = r1
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[tail_context_map] ll
    call 1                          ; bpf_map_lookup_elem
    if r0 == 0 goto fallback
    r1 = 0
    *(u16 *)(r0 + 0) = r1
    r1 = 11
    *(u8 *)(r0 + 0) = r1            ; value_from_1 = 11
    r1 = r6
    r2 = map[tail_programs] ll
    r3 = slot[xdp_stage2]
    call 12                         ; bpf_tail_call
fallback:
    r0 = 0                          ; XDP_ABORTED
    exit
