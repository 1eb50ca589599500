; count_hits (XDP): adds 1 to hits[0] atomically and passes every packet.
    r1 = 0
    *(u32 *)(r10 - 4) = r1          ; key = 0
    r2 = r10
    r2 += -4
    r1 = map[hits] ll
    call 1                          ; bpf_map_lookup_elem
    if r0 == 0 goto done
    r1 = 1
    lock *(u64 *)(r0 + 0) += r1
done:
    r0 = 2                          ; XDP_PASS
    exit
