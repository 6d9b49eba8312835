#!/usr/bin/env bash
# Starts a private Postfix instance for the real-MTA delivery tests, on 127.0.0.1 only:
#   STARTTLS with a fresh self-signed certificate (CN=localhost, SAN localhost and 127.0.0.1),
#   SMTP AUTH (PLAIN, LOGIN; only after STARTTLS) against its own Cyrus sasldb,
#   relaying nothing: mail to mta.test mailboxes is accepted from authenticated clients only and
#   delivered to Maildirs; anything else is refused, and nothing ever leaves the machine.
# Everything lives under BASE_DIR (config, queue, certificate, mailboxes, log); the system's own
# Postfix in /etc/postfix is neither read for settings nor touched. Running it again on the same
# BASE_DIR stops the old instance and starts afresh. Needs root (Postfix's master runs as root)
# and the Debian packages postfix, sasl2-bin, libsasl2-modules and openssl.
#
# Usage: MTA_SASL_PASSWORD=... start-postfix.sh BASE_DIR PORT SASL_USER
#   (the password comes from the environment so that it never shows in a process list)
#   mailboxes: ada, grace, linus and ken @mta.test, delivered to BASE_DIR/mail/mta.test/<name>/
#   files:     BASE_DIR/etc/cert.pem (the certificate to trust), BASE_DIR/log/maillog
# Stop it with stop-postfix.sh BASE_DIR.
set -euo pipefail

if [ "$#" -ne 3 ] || [ -z "${MTA_SASL_PASSWORD:-}" ]; then
  echo "usage: MTA_SASL_PASSWORD=... $0 BASE_DIR PORT SASL_USER" >&2
  exit 2
fi
base=$1 port=$2 sasl_user=$3
domain=mta.test
mailboxes=(ada grace linus ken)

for tool in postfix postconf saslpasswd2 openssl; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is not installed (apt-get install postfix sasl2-bin libsasl2-modules openssl)" >&2; exit 3; }
done
[ "$(id -u)" -eq 0 ] || { echo "$0: must run as root: Postfix's master daemon starts as root" >&2; exit 3; }

mkdir -p "$base"
base=$(cd "$base" && pwd)
bash "$(dirname "$0")/stop-postfix.sh" "$base" --keep
rm -rf "$base/etc" "$base/queue" "$base/data" "$base/mail" "$base/log"
mkdir -p "$base/etc/sasl" "$base/queue" "$base/data" "$base/mail" "$base/log"
# Postfix's daemons run as the postfix user and the mailboxes belong to nobody: both must reach them.
chmod 755 "$base" "$base/etc" "$base/mail" "$base/log"
chown postfix "$base/data"
mail_uid=$(id -u nobody)
mail_gid=$(id -g nobody)
chown "$mail_uid:$mail_gid" "$base/mail"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' \
  -keyout "$base/etc/key.pem" -out "$base/etc/cert.pem" 2>/dev/null
chmod 600 "$base/etc/key.pem"
chmod 644 "$base/etc/cert.pem"

printf '%s' "$MTA_SASL_PASSWORD" | saslpasswd2 -c -p -f "$base/etc/sasl/sasldb2" -u "$domain" "$sasl_user"
chown root:postfix "$base/etc/sasl/sasldb2"
chmod 640 "$base/etc/sasl/sasldb2"
cat >"$base/etc/sasl/smtpd.conf" <<CONF
pwcheck_method: auxprop
auxprop_plugin: sasldb
sasldb_path: $base/etc/sasl/sasldb2
mech_list: PLAIN LOGIN
CONF

mailbox_map="inline:{"
for name in "${mailboxes[@]}"; do mailbox_map+=" $name@$domain=$domain/$name/,"; done
mailbox_map="${mailbox_map%,} }"

cat >"$base/etc/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $base/queue
data_directory = $base/data
meta_directory = $(postconf -dh meta_directory)
maillog_file = $base/log/maillog
maillog_file_prefixes = $base/log
myhostname = $domain
mydomain = $domain
myorigin = $domain
mydestination =
mynetworks = 127.0.0.0/8
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
alias_maps =
alias_database =
smtputf8_enable = no

# No DNS, and nothing leaves this machine: only the virtual mailboxes below receive mail.
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
local_transport = error:local delivery is disabled in this test instance
default_transport = error:outbound mail is disabled in this test instance
relay_transport = error:relaying is disabled in this test instance
virtual_mailbox_domains = $domain
virtual_mailbox_base = $base/mail
virtual_mailbox_maps = $mailbox_map
virtual_uid_maps = static:$mail_uid
virtual_gid_maps = static:$mail_gid

# STARTTLS offered; AUTH only after it; mail accepted from authenticated clients only.
smtpd_tls_security_level = may
smtpd_tls_cert_file = $base/etc/cert.pem
smtpd_tls_key_file = $base/etc/key.pem
smtpd_tls_received_header = yes
smtpd_tls_loglevel = 1
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = $base/etc/sasl
smtpd_sasl_local_domain = $domain
smtpd_sasl_security_options = noanonymous
smtpd_sasl_authenticated_header = yes
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
CONF

# Only the services this instance uses, none chrooted, smtpd on 127.0.0.1:PORT alone.
cat >"$base/etc/master.cf" <<CONF
127.0.0.1:$port inet n - n - - smtpd
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n -  0 cleanup
qmgr      unix  n - n 300 1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
virtual   unix  - n n - - virtual
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
CONF

postfix -c "$base/etc" check
postfix -c "$base/etc" start 2>"$base/log/start.log" || { cat "$base/log/start.log" >&2; exit 1; }
