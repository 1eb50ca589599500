; xdp_stage3: the XDP twin of egress3. XDP_PASS (2) only if both values are seen, else XDP_DROP (1).
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[tail_context_map] ll
    call 1                          ; bpf_map_lookup_elem
    r1 = r0
    r0 = 1                          ; XDP_DROP
    if r1 == 0 goto done
    r2 = *(u8 *)(r1 + 0)
    if r2 != 11 goto done
    r2 = *(u8 *)(r1 + 1)
    if r2 != 22 goto done
    r0 = 2                          ; XDP_PASS
done:
    exit
