package main

import (
	"fmt"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

func newAlarm(name string) types.ManagedObjectReference {
	a := &mo.Alarm{}
	a.Info.Name = name
	a.Info.Description = name
	a.Info.Enabled = true
	simulator.Map.Put(a)
	a.Info.Key = a.Self.Value
	a.Info.Alarm = a.Self
	return a.Self
}

func raise(e *mo.ManagedEntity, alarm types.ManagedObjectReference, status types.ManagedEntityStatus) {
	e.TriggeredAlarmState = append(e.TriggeredAlarmState, types.AlarmState{
		Key:           fmt.Sprintf("%s.%s", alarm.Value, e.Self.Value),
		Entity:        e.Self,
		Alarm:         alarm,
		OverallStatus: status,
		Time:          time.Now().Add(-10 * time.Minute),
		Acknowledged:  types.NewBool(false),
	})
	e.OverallStatus = status
}
