// Command vcsim starts VMware's vCenter/ESXi simulator (govmomi's simulator package, from Debian's
// golang-github-vmware-govmomi-dev) on a loopback port, over HTTPS with a self-signed certificate, with a
// chosen inventory and scenario switches, and prints one JSON line when it is ready. Tests and benchmarks
// read that line (URL, fingerprint, the model's own counts) and stop the process with SIGTERM.
//
// Build: GOPATH=/usr/share/gocode GO111MODULE=off go build (see build.sh).
package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"log"
	"math/rand"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
)

type counts struct {
	Datacenters       int `json:"datacenters"`
	Clusters          int `json:"clusters"`
	Hosts             int `json:"hosts"`
	HostsConnected    int `json:"hostsConnected"`
	HostsDisconnected int `json:"hostsDisconnected"`
	HostsMaintenance  int `json:"hostsMaintenance"`
	Vms               int `json:"vms"`
	VmsPoweredOn      int `json:"vmsPoweredOn"`
	VmsPoweredOff     int `json:"vmsPoweredOff"`
	VmsSuspended      int `json:"vmsSuspended"`
	Templates         int `json:"templates"`
	Datastores        int `json:"datastores"`
	Networks          int `json:"networks"`
}

type ready struct {
	URL          string  `json:"url"`
	Host         string  `json:"host"`
	Port         int     `json:"port"`
	TLS          bool    `json:"tls"`
	Fingerprint  string  `json:"fingerprint"`
	User         string  `json:"user"`
	APIType      string  `json:"apiType"`
	StartSeconds float64 `json:"startSeconds"`
	Counts       counts  `json:"counts"`
	Scenario     applied `json:"scenario"`
	Report       seeded  `json:"report"`
	Wave2        *wave2  `json:"wave2,omitempty"`
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (port 0 = pick a free one, printed in the ready line)")
	user := flag.String("user", "vigie", "user name the simulator accepts")
	password := flag.String("password", "vigie-pass", "password the simulator accepts")
	useTLS := flag.Bool("tls", true, "serve HTTPS")
	certFile := flag.String("cert", "", "PEM certificate: used if it exists with -key, else generated and written there")
	keyFile := flag.String("key", "", "PEM private key (see -cert)")
	commonName := flag.String("cn", "vcsim.vigie.lab", "common name of a generated certificate")
	esxMode := flag.Bool("esx", false, "simulate a standalone ESXi host (API type HostAgent) instead of a vCenter")
	dc := flag.Int("dc", 1, "datacenters")
	clusters := flag.Int("cluster", 1, "clusters per datacenter")
	clusterHosts := flag.Int("host", 3, "hosts per cluster")
	standalone := flag.Int("standalone", 1, "standalone hosts per datacenter")
	vmsPerHost := flag.Int("vm", 2, "VMs per host")
	datastores := flag.Int("ds", 1, "datastores (mounted on every host of the datacenter), at least 1")
	portgroups := flag.Int("pg", 1, "distributed port groups per datacenter")
	var s scenario
	flag.IntVar(&s.poweredOff, "powered-off", 0, "VMs powered off")
	flag.IntVar(&s.suspended, "suspended", 0, "VMs suspended")
	flag.IntVar(&s.templates, "templates", 0, "VMs turned into templates")
	flag.IntVar(&s.maintenance, "maintenance", 0, "hosts in maintenance mode")
	flag.IntVar(&s.disconnected, "disconnected", 0, "hosts disconnected")
	flag.IntVar(&s.snapshots, "snapshots", 0, "VMs with a snapshot (and a nested one)")
	flag.IntVar(&s.oldSnapshots, "old-snapshots", 0, "of those, VMs whose snapshots are 30 and 20 days old")
	flag.IntVar(&s.noTools, "no-tools", 0, "powered-on VMs without VMware Tools")
	flag.IntVar(&s.cdrom, "cdrom", 0, "VMs with a connected CD (ISO)")
	flag.IntVar(&s.migrations, "migrations", 0, "DRS migration events, spread over -event-days")
	flag.IntVar(&s.removed, "removed", 0, "VMs created then removed (VmRemovedEvent)")
	flag.IntVar(&s.eventDays, "event-days", 10, "days back over which migration events are spread")
	flag.BoolVar(&s.hotHost, "hot-host", false, "last host at 95 % CPU and memory")
	flag.BoolVar(&s.lowDatastore, "low-datastore", false, "first datastore at 3 % free")
	flag.BoolVar(&s.badDatastore, "inaccessible-datastore", false, "last datastore inaccessible (needs -ds 2 or more)")
	flag.BoolVar(&s.alarms, "alarms", false, "triggered alarms on the disconnected hosts and the hot host")
	flag.BoolVar(&s.hostileName, "hostile-name", false, "rename the last powered-on VM to markup (<img src=x onerror=...>)")
	var rs reportSeed
	flag.IntVar(&rs.setupDays, "setup-days", 0, "back-date the lab's own events (VM creations...) by that many days, so that only seeded events are recent")
	flag.IntVar(&rs.created, "created", 0, "VMs created now (VmCreatedEvent)")
	flag.IntVar(&rs.oldCreated, "old-created", 0, "VMs created -outside-days ago")
	flag.IntVar(&rs.cloned, "cloned", 0, "VMs cloned now (VmBeingClonedEvent + VmClonedEvent)")
	flag.IntVar(&rs.oldRemoved, "old-removed", 0, "VMs created and removed -outside-days ago")
	flag.IntVar(&rs.errorEvents, "error-events", 0, "error events (EventEx, severity error) now, and as many -outside-days ago")
	flag.IntVar(&rs.outsideDays, "outside-days", 10, "age of the 'old' seeded events")
	flag.StringVar(&rs.datastoreFree, "datastore-free", "", "free space (percent, comma-separated) of the first datastores, e.g. 2,4,30")
	flag.StringVar(&rs.ntpServers, "ntp-servers", "", "NTP servers of every host (comma-separated); sets NTP config and the ntpd service on all hosts")
	flag.IntVar(&rs.ntpStopped, "ntp-stopped", 0, "connected hosts whose ntpd is stopped")
	flag.IntVar(&rs.ntpEmpty, "ntp-empty", 0, "connected hosts with no NTP server")
	wave2On := flag.Bool("wave2", false, "seed one problem per second-wave report check (alarms, certificates, sensors, licences…); needs 2 connected hosts and 13 powered-on VMs beyond the other seeds")
	seed := flag.Int64("seed", 1, "seed of the generated statistics")
	watchStdin := flag.Bool("watch-stdin", false, "exit when stdin closes (the parent died)")
	verbose := flag.Bool("verbose", false, "keep the simulator's log on stderr")
	flag.Parse()

	if !*verbose {
		log.SetOutput(ioutil.Discard)
	}
	if *datastores < 1 {
		fail(fmt.Errorf("-ds must be at least 1 (VMs are placed on LocalDS_0)"))
	}
	started := time.Now()

	var model *simulator.Model
	if *esxMode {
		model = simulator.ESX()
	} else {
		model = simulator.VPX()
		model.Datacenter = *dc
		model.Cluster = *clusters
		model.ClusterHost = *clusterHosts
		model.Host = *standalone
		model.Portgroup = *portgroups
	}
	model.Datastore = *datastores
	model.Machine = 0
	model.Autostart = false
	if err := model.Create(); err != nil {
		fail(err)
	}
	defer model.Remove()

	ctx := context.Background()
	c, err := vim25.NewClient(ctx, model.Service)
	if err != nil {
		fail(err)
	}
	places, err := hostPlaces(c)
	if err != nil {
		fail(err)
	}
	vms, err := createVMs(ctx, c, places, *vmsPerHost)
	if err != nil {
		fail(err)
	}
	done, err := applyScenario(ctx, c, places, vms, s, rand.New(rand.NewSource(*seed)))
	if err != nil {
		fail(err)
	}

	report, err := seedReport(ctx, c, places, vms, done, rs)
	if err != nil {
		fail(err)
	}

	var second *wave2
	if *wave2On {
		w, err := seedWave2(ctx, c, places, vms, done)
		if err != nil {
			fail(err)
		}
		second = &w
	}

	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*user, *password)}
	var cert tls.Certificate
	if *useTLS {
		if cert, err = loadOrCreateCert(*certFile, *keyFile, *commonName); err != nil {
			fail(err)
		}
		model.Service.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	}
	server := model.Service.NewServer()

	host, portText, _ := net.SplitHostPort(server.URL.Host)
	port, _ := strconv.Atoi(portText)
	u := *server.URL
	u.User = nil
	line := ready{
		URL:          u.String(),
		Host:         host,
		Port:         port,
		TLS:          *useTLS,
		Fingerprint:  fingerprint(cert),
		User:         *user,
		APIType:      c.ServiceContent.About.ApiType,
		StartSeconds: time.Since(started).Seconds(),
		Counts:       countInventory(),
		Scenario:     done,
		Report:       report,
		Wave2:        second,
	}
	out, _ := json.Marshal(line)
	fmt.Println(string(out))

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	if *watchStdin {
		go func() {
			r := bufio.NewReader(os.Stdin)
			for {
				if _, err := r.ReadByte(); err != nil {
					stop <- syscall.SIGTERM
					return
				}
			}
		}()
	}
	<-stop
	server.Close()
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "vcsim: %s\n", err)
	os.Exit(1)
}
