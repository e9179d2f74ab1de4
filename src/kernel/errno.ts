/** The errno names the modelled system calls can return. */
export type Errno = 'EBADF' | 'EFAULT' | 'EINVAL' | 'EEXIST' | 'ENOENT' | 'EAGAIN' | 'EPIPE';
